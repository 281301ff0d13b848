import { groupDetection, matchesOf } from '../scan'
import type { Detection } from '../types'

// Safe Harbor: ages over 89 and all elements of dates (including year) indicative of such an age must be
// aggregated into "90 or older". Only the number goes: "[AGE_90_PLUS_1]-year-old" keeps the sentence.
const AGE = '(9\\d|1[0-2]\\d)'
const PATTERNS: readonly RegExp[] = [
  // 92-year-old, 92 year old, 92 yo, 92 y/o, 92 y.o., 92yo, 92 yrs old, 92 years of age
  new RegExp(`(?<![\\d.])${AGE}[ \\t-]?(?:years?|yrs?|y)(?:[ \\t-]?old|[ \\t]of[ \\t]age|/o|\\.o\\.?|o)?\\b`, 'dgi'),
  // age 94, aged 94, Age: 94, age of 94
  new RegExp(`\\b(?:age|aged|age of|at the age of)[ \\t:]{1,3}${AGE}(?![\\d.])`, 'dgi'),
  // turned 91, turns 90, turning 92, her 95th birthday
  new RegExp(`\\b(?:turned|turns|turning|will turn)[ \\t]{1,2}${AGE}(?![\\d.])`, 'dgi'),
  new RegExp(`(?<![\\d.])${AGE}(?:st|nd|rd|th)[ \\t]birthday`, 'dgi'),
  // in her 90s, in his early 100s: a decade over 89 says more than "90 or older".
  /\bin (?:his|her|their|the)[ \t](?:early[ \t]|mid[ \t-]?|late[ \t])?(9\ds|1\d\ds)\b/dgi,
  // 92M, 92 F, 92-year-old woman written as "92F": not after a temperature cue (T 99F) and not a decimal.
  new RegExp(`(?<!(?:\\b(?:T|Temp|Temperature|Tmax|temp|temperature|fever|febrile|afebrile)(?: of| to)?|°)[ \\t:]{0,3})(?<![\\d.])${AGE}[ \\t]?(?:M|F)\\b(?![°])`, 'dg'),
]

export function detectAgesOver89(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of PATTERNS) {
    for (const m of matchesOf(text, pattern)) {
      const detection = groupDetection(m, 1, 'AGE_90_PLUS')
      if (detection) found.push(detection)
    }
  }
  return found
}
