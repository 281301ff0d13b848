import { matchesOf } from '../scan'
import type { Detection } from '../types'
import { isNotName } from './not-names'

// A full name with no cue and a given name on no list: two or three capitalised words right before a verb
// people do ("Kiara Halvorsen agrees", "Tadeo Mwangi called"). One capitalised word before a verb is
// too often a sentence start ("Wound is clean"), and "was", "is", "will" follow instruments in operative
// notes ("Straight Masterson was used"), so only verbs of a person speaking or acting count.
const VERBS =
  'agrees|agreed|reports|reported|states|stated|says|said|called|calls|phoned|wants|wanted|declines|declined|denies|denied|understands|understood|verbalizes|verbalized|requests|requested|asked|asks|brought|brings|drives|drove|visited|visits|lives|lived|works|worked|prefers|preferred|consents|consented|accompanies|accompanied|helps|helped|feels|felt'
// Name words: Lee, McDonald, O'Donnell, Smith-Larkin.
const WORD = "[A-Z](?:[a-z]{1,24}(?:[A-Z][a-z]{1,20})?|['\\u2019][A-Z][a-z]{1,24})(?:['\\u2019-][A-Z]?[a-z]{1,24})?"
const NAME_BEFORE_VERB = new RegExp(`(?<![A-Za-z'\\u2019-])(${WORD}(?:[ \\t]${WORD}){1,2})[ \\t]{1,2}(?:${VERBS})\\b`, 'dg')

export function detectNamesBeforeVerbs(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of matchesOf(text, NAME_BEFORE_VERB)) {
    const range = m.indices?.[1]
    const words = (m[1] ?? '').split(/[ \t]/)
    if (range && words.every((w) => !isNotName(w.replace(/['\u2019]s$/, '')))) found.push({ start: range[0], end: range[1], kind: 'NAME' })
  }
  return found
}
