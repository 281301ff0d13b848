// Common given names in the United States across many origins, written for this module from general
// knowledge (no name dataset is copied). A listed name found on its own, capitalised, is read as a name;
// with a capitalised word after it, both words are. Names that are also ordinary English words (Will,
// May, Grace, Hope...) are in the second list and count only before a surname or behind a cue.
const GIVEN = `
aaron abdul abdullah abigail abraham ada adam adrian adriana ahmad ahmed aidan aiden aisha alan albert alberto
alejandro alex alexa alexander alexandra alexis alfred alfredo ali alice alicia alison allison alma alvin amanda
amelia amir amy ana andre andrea andres andrew angela angelica angelina anita ann anna anne annie anthony antonio
arjun arnold arthur arturo ashley aubrey audrey austin ava avery barbara beatrice benjamin bernard beth betty beverly
blake bobby bonnie brad bradley brandon brenda brian brianna bridget brittany brooke bruce bryan caleb calvin cameron
camila carl carla carlos carmen carol caroline carolyn carrie casey catherine cecilia cesar charles charlotte chelsea
cheng cheryl chloe chris christian christina christine christopher cindy claire clara clarence claudia clifford cody
colin connor courtney craig cristina curtis cynthia daisy dale dana daniel danielle darius darlene darnell darren
david deborah debra deepak delores denise dennis derek devin diana diane diego dmitri dolores dominic donald donna
doris dorothy douglas duane dustin dwayne dylan earl eddie edgar edith eduardo edward edwin eileen elaine eleanor
elena eli elijah elizabeth ella ellen elsa emily emma enrique eric erica erik erin esther ethan eugene eva evan evelyn
fatima felicia felix fernando florence frances francis francisco franklin fred frederick gabriel gabriela gary gavin
genevieve george gerald gerardo gina giovanni gladys glen glenn gloria gordon greg gregory guadalupe gustavo gwen
hailey haley hannah harold harry harvey hassan heather hector heidi helen henry herbert hiroshi hussein ibrahim ian
irene isaac isabel isabella isaiah ivan jack jackie jackson jacob jacqueline jaime jamal james jamie jane janet janice
jared jasmine jason javier jay jean jeanette jeff jeffrey jenna jennifer jeremy jerome jerry jesse jessica jesus jill
jim jimmy joan joanne joel john johnny jon jonathan jordan jorge jose joseph josephine joshua joyce juan juanita
judith judy julia julian julie julio justin kaitlyn karen karl kate katherine kathleen kathryn kathy katie kayla keith
kelly ken kenneth kevin kim kimberly kristen kristin kyle laura lauren lawrence leah lee leon leonard leslie liam
lillian lily linda lindsay lisa logan lois lorenzo lori lorraine louis louise lucas lucia luis luke lydia lynn madison
malik manuel marcus margaret maria mariana marie marilyn mario marisol marjorie marlene martha martin marvin mary
mason matthew maureen maurice megan mei melanie melissa melvin mia michael michelle miguel mildred mohamed mohammad
mohammed monica morgan muhammad nadia nancy naomi natalie nathan nathaniel neil nicholas nicole noah nora norma norman
olivia omar oscar pablo pamela patricia patrick paul paula pedro peggy peter philip phillip phyllis pooja priya rachel
rafael rahul raj rajesh ralph ramon randy raymond rebecca regina renee ricardo richard ricky rita robert roberta
roberto robin rodney roger roland ronald rosa rosemary roy ruben russell ruth ryan sabrina samantha samuel sandra
sanjay sara sarah scott sean sergio seth shannon sharon shawn sheila shirley sofia sonia sophia stacy stanley
stephanie stephen steven susan suzanne sylvia tamara tammy tanya tara teresa terrence theresa thomas timothy tina todd
tommy tonya tracy travis tyler valerie vanessa vernon veronica vicki victoria vincent walter wanda warren wayne wei
wendy wesley william willie xavier yasmin yolanda yusuf yvonne zachary zoe
`
const AMBIGUOUS = `
amber april art autumn bill bob buck carter chase crystal dawn dean destiny drew faith frank gene grace hazel hope
iris ivy jade jewel joy june king lane mark max may melody miles pat penny ray reed rich rose ruby rusty sage skip sky
star sue summer violet virginia will woody
`
const split = (list: string) => list.split(/\s+/).filter((w) => w.length > 0)

/** Given names read as names even standing alone. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(split(GIVEN))
/** Given names that are also ordinary words: names only next to a surname or behind a cue. */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(split(AMBIGUOUS))
