// Cues that come before a name, so where the name starts is known and readName finds where it ends.
// Titles and "... by" are reliable on their own; labels need their colon ("Patient: Lee", not "Patient
// denies"); relations ("her daughter Mary") take any capitalised word that is not a common word.

/** What must be true of the name read after a cue. */
export type CueRule = 'any' | 'two-words' | 'listed-given-name'
export type CueBefore = { pattern: RegExp; lastFirst: boolean; rule: CueRule }

// In capitals only with the dot ("DR. LEE"): "DR" alone is diabetic retinopathy, "MR" mitral regurgitation.
const TITLE = /\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Drs|Doctor|Prof|Professor|Mister|Sister|Father|Rev)\b\.?|(?:MR|MRS|MS|DR|DRS)\.)[ \t]{1,2}/dg
const LABEL =
  /\b(?:patient(?: name)?|pt(?: name)?|name|full name|legal name|preferred name|guarantor|subscriber|insured|policy ?holder|emergency contact|contact|next of kin|nok|caregiver|guardian|spouse|mother|father|parent|pcp|primary care(?: physician| provider)?|referring(?: physician| provider| md| doctor)?|attending(?: physician)?|provider|rendering provider|physician|surgeon|resident|fellow|nurse|scribe|attn|witness|interpreter|signature|signed)[ \t]*:[ \t]*/dgi
const BY =
  /\b(?:signed|e-?signed|electronically signed|dictated|transcribed|seen|cosigned|co-signed|reviewed|interpreted|ordered|referred|authored|written|examined|evaluated|accompanied|brought in|brought|driven|escorted|performed|supervised|attested|verified|read|covered|assisted)(?: and [a-z]+)? by[ \t:]{1,3}/dgi
const RELATION =
  /\b(?:wife|husband|spouse|partner|daughter|son|mother|father|mom|dad|sister|brother|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|niece|nephew|aunt|uncle|cousin|friend|neighbor|neighbour|caregiver|guardian|fianc[eé]e?|boyfriend|girlfriend|roommate|stepdaughter|stepson|stepmother|stepfather|sibling|twin)\b(?:-in-law)?,?[ \t]{1,2}(?:named[ \t]{1,2}|\([ \t]?)?/dgi
// Visits with a person: "last saw Anna Lee", "follows with Dr. ...", "under the care of ...". Not
// "followed by", which in an operative note introduces a product ("followed by Mastisol").
const SAW = /\b(?:saw|sees|follows with|under the care of|care of|established with|met with|visited)[ \t]{1,2}/dg
// A role before a name: "RN Zainab", "pharmacist Thaddeus", "interpreter Ana Lee". Not PT, OT or MA,
// which are as often a service ("PT Evaluation") as a person.
const ROLE_BEFORE =
  /(?:\b(?:RN|LPN|NP|PA|CNA|LCSW|MSW)|\b(?:pharmacist|nurse|therapist|aide|interpreter|translator|social worker|case manager|chaplain|doula|midwife|dietitian|nutritionist|coordinator|navigator|scheduler|receptionist|technician|tech|paramedic|EMT))[ \t]{1,2}/dg
// Any past participle with "by" ("called in by", "cosigned by"), but then only a full name of two or more
// words: "caused by Streptococcus pneumoniae" has one.
const ANY_BY = /\b[a-z]{3,20}ed(?:[ \t](?:in|out|up|off|over))?[ \t]by[ \t]{1,2}/dg
// What a person is called: "her son's name is Ezekiel", "prefers to be called \"Bea\"", "goes by Tom".
const CALLED = /\b(?:name is|named|goes by|prefers to be called|likes to be called|known as|nickname is|aka)[ \t]{1,2}["'\u201c]?/dgi
// Someone who decides for the patient: "HCP is Ann Lee", "health care proxy: Ann Lee", "POA - Ann Lee".
const PROXY = /\b(?:HCP|health ?care proxy|health ?care agent|POA|power of attorney|surrogate|emergency contact|next of kin|NOK)(?:[ \t]+is|[ \t]*[:-])[ \t]{1,2}/dgi
// Weaker cues ("spoke with", "lives with", "per"): only a listed given name counts after them, since a
// title-case problem list ("with Chronic Kidney Disease") would otherwise read as a name.
const WEAK =
  /\b(?:spoke with|spoke to|talked with|talked to|discussed with|called|message (?:from|for|to)|left (?:a )?(?:message|voicemail) (?:for|with)|visited by|lives with|cared for by|per|with)[ \t]{1,2}/dgi

export const CUES_BEFORE_NAME: readonly CueBefore[] = [
  { pattern: TITLE, lastFirst: false, rule: 'any' },
  { pattern: LABEL, lastFirst: true, rule: 'any' },
  { pattern: BY, lastFirst: true, rule: 'any' },
  { pattern: RELATION, lastFirst: false, rule: 'any' },
  { pattern: SAW, lastFirst: false, rule: 'any' },
  { pattern: ROLE_BEFORE, lastFirst: false, rule: 'any' },
  { pattern: CALLED, lastFirst: false, rule: 'any' },
  { pattern: PROXY, lastFirst: true, rule: 'any' },
  { pattern: ANY_BY, lastFirst: false, rule: 'two-words' },
  { pattern: WEAK, lastFirst: false, rule: 'listed-given-name' },
]
