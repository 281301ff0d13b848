import { STATE_ABBREVIATIONS } from '../detectors/us-states'

// Capitalised words that follow a name cue in clinical notes but are not names: sentence starts, section
// headings, labels, departments, credentials. A cue ("Patient:", "daughter", "Dr.") stops reading a name
// at the first of these, and they are never carried from one mention of a name to the rest of the note.
const WORDS = `
a an and any as at be by for from has had have he her here his i if in is it its no none not of on or our
she so that the their them then there these they this to up was we were who will with without you your
patient pt pts patients person client member subscriber insured guarantor name names contact emergency
history hx hpi ros pmh psh fh sh exam physical assessment plan impression diagnosis diagnoses dx problem
problems chief complaint cc subjective objective labs lab results vitals vital signs meds medications
medication allergies allergy nkda procedure procedures note notes addendum summary discharge admission
admit admitted follow followup return rtc continue start stop started stopped increase decrease reports
reported denies denied presents presented seen see states stated complains notes noted today yesterday
tomorrow tonight morning afternoon evening night daily weekly monthly
yes no none normal abnormal negative positive unremarkable stable improved improving worse worsening
left right bilateral upper lower anterior posterior lateral medial acute chronic mild moderate severe
pcp hospital clinic center centre medical medicine family practice primary care urgent department dept unit
emergency er ed icu or pacu floor ward room office pharmacy lab laboratory radiology imaging cardiology
neurology oncology orthopedics orthopaedics dermatology pediatrics psychiatry psychology surgery surgical
urology nephrology gastroenterology gi pulmonology endocrinology rheumatology obstetrics gynecology obgyn
ob gyn ent ophthalmology optometry audiology podiatry nursing therapy pt ot slp social work services
case management home health hospice services agency program healthcare insurance medicare medicaid plan payer policy group account billing
md do np pa pac rn lpn cna aprn fnp dnp phd mbbs facp facc pharmd dpt lcsw msw crnp cnm dds dmd
dob dos dod mrn ssn id acct sex age gender male female man woman boy girl infant child adult
mr mrs ms miss mx dr doctor prof professor jr sr ii iii iv nurse provider physician surgeon resident
attending fellow intern scribe staff team service practitioner assistant aide technician coordinator
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
street st avenue ave road rd drive dr lane ln boulevard blvd suite apt
signed electronically dictated transcribed reviewed cosigned verified interpreted ordered referred
per via re cc bcc fax phone email tel cell home work mobile
mother father daughter son wife husband sister brother spouse partner friend neighbor caregiver guardian parent
children children's women women's men men's today today's yesterday's tomorrow's everyone nobody someone another other
ibuprofen tylenol acetaminophen aspirin metformin lisinopril insulin
covid influenza flu strep
doppler foley holter bovie betadine mastisol steri tegaderm xeroform vicryl prolene monocryl ethilon dermabond
marcaine lidocaine kerlix kocher metzenbaum mayo allis babcock bookwalter penrose jp hemovac coban webril
ace ancef kenalog depo medrol decadron toradol zofran versed fentanyl propofol cefazolin
disease syndrome disorder type stage grade class diabetes mellitus hypertension hyperlipidemia failure heart
kidney renal liver lung cardiac pulmonary chronic essential primary secondary obstructive congestive
infection fracture pain injury cancer carcinoma neoplasm tumor asthma copd chf ckd cad gerd uti uri
blood pressure rate level test score screen screening scan xray x-ray ct mri ekg ecg echo ultrasound
vaccine vaccination immunization injection tablet tablets capsule dose doses
general gen heent neck chest abdomen abd extremities skin neuro psych musculoskeletal msk cv resp
alert oriented well appearing distress afebrile
`
export const NOT_NAMES: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0))

/** True for a word that is not read as a name whatever the cue. */
export function isNotName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase())
}

const STATES: ReadonlySet<string> = new Set(STATE_ABBREVIATIONS.split('|'))

/** "TX" after "Austin" is a state, not a surname. */
export function isStateAbbreviation(word: string): boolean {
  return STATES.has(word)
}
