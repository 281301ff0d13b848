import type { DeidContext } from './context'
import type { Detection } from './types'
import { detectKnownNames, knownNameWords } from './names/context-names'
import { detectCuedNames } from './names/cued-names'
import { detectListedFirstNames } from './names/listed-first-names'
import { detectNamesBeforeVerbs } from './names/names-before-verbs'
import { adjacentInitials, nameWords, propagateNames, surnameParticles } from './names/name-tokens'

function contextNames(context: DeidContext): string[] {
  const p = context.patient
  const own = [p?.firstName, p?.middleName, p?.lastName].filter((n): n is string => n !== undefined)
  return [...own, ...(context.providerNames ?? []), ...(context.otherNames ?? [])]
}

/**
 * Names, one detection per word: the claim's known names in any form, names behind cues, listed given
 * names with their surnames, full names before a verb; then every other mention of a word found so, and initials and surname particles beside them.
 */
export function detectNames(text: string, context: DeidContext): Detection[] {
  const known = detectKnownNames(text, knownNameWords(contextNames(context)))
  const cued = nameWords(text, [...detectCuedNames(text), ...detectListedFirstNames(text), ...detectNamesBeforeVerbs(text)])
  const words = [...known, ...cued]
  const all = [...words, ...propagateNames(text, cued)]
  return [...all, ...adjacentInitials(text, all), ...surnameParticles(text, all)]
}
