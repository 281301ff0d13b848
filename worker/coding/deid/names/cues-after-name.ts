// Cues that come after a name: capture group 1 is the stretch that ends where the name ends; the name
// itself is the longest run of name words ending there.

// A relation written after the name: "Mary (daughter)", "Mary, her daughter,".
const RELATION_AFTER =
  /((?:[A-Z][A-Za-z'\u2019-]{1,24}[ \t]){0,2}[A-Z][A-Za-z'\u2019-]{1,24}),?[ \t]{1,2}(?:\((?:his|her|their|the patient's|patient's|pt's)?[ \t]?|(?:his|her|their|the patient's|patient's|pt's)[ \t])(?:wife|husband|spouse|partner|daughter|son|mother|father|mom|dad|sister|brother|grandson|granddaughter|grandmother|grandfather|niece|nephew|aunt|uncle|cousin|friend|neighbor|neighbour|caregiver|guardian)\b/dg
// A role in brackets after a name: "Kiara Rosenthal (attending)", "Ann Lee (PCP)".
const ROLE_AFTER =
  /((?:[A-Z][A-Za-z'\u2019-]{1,24}[ \t]){0,2}[A-Z][A-Za-z'\u2019-]{1,24})[ \t]{1,2}\((?:attending|resident|fellow|intern|PCP|pcp|nurse|NP|PA|RN|MD|DO|scribe|interpreter|surgeon|physician|provider|therapist|pharmacist|social worker|case manager|chaplain|guardian|HCP|POA)\)/dg
// A person's document or place: "Per Okafor's note", "Lee's office". Any capitalised word that is not a
// common word, since what follows says it is a person.
const POSSESSIVE_OF = /(?<![A-Za-z'\u2019-])([A-Z][A-Za-z'\u2019-]{1,24})['\u2019]s[ \t]{1,2}(?:note|notes|office|clinic|practice|report|letter|recommendations?|assessment|orders?|team|service|patient|nurse|assistant)\b/dg
// A credential after a name: "Anna Lee, MD", "J. Smith NP". Up to three words before it.
const CREDENTIAL = /((?:(?:[A-Z]\.|[A-Z][A-Za-z'\u2019-]{1,24})[ \t]{1,2}){0,2}[A-Z][A-Za-z'\u2019-]{1,24}),?[ \t]{1,2}(?:MD|M\.D\.|DO|D\.O\.|NP|PA-C|PA|RN|APRN|FNP|FNP-C|DNP|PhD|MBBS|FACP|FACC|PharmD|DPT|LCSW|CNM|CRNP|DDS|DMD|OD|DPM)(?![A-Za-z])/dg

/** Patterns whose group 1 ends with a name; `single` when group 1 is exactly one word taken as it is. */
export const CUES_AFTER_NAME: readonly { pattern: RegExp; single: boolean }[] = [
  { pattern: RELATION_AFTER, single: false },
  { pattern: ROLE_AFTER, single: false },
  { pattern: CREDENTIAL, single: false },
  { pattern: POSSESSIVE_OF, single: true },
]
