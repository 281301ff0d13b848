import { parseDeidContext, type DeidContextInput } from './context'
import { detectAgesOver89 } from './detectors/ages'
import { detectCities } from './detectors/cities'
import { detectContextValues } from './detectors/context-values'
import { detectDates } from './detectors/dates'
import { detectEmails } from './detectors/emails'
import { detectIpAddresses } from './detectors/ip-addresses'
import { detectLabeledIds } from './detectors/labeled-ids'
import { detectPhones } from './detectors/phones'
import { detectSsns } from './detectors/ssn'
import { detectStreetAddresses } from './detectors/street-addresses'
import { detectUnlabeledIds } from './detectors/unlabeled-ids'
import { detectUrls } from './detectors/urls'
import { detectZipCodes } from './detectors/zip-codes'
import { detectNames } from './detect-names'
import { replaceWithTokens } from './replace-with-tokens'
import { selectDetections } from './select-detections'
import type { Deidentified, Detection } from './types'

const PATTERN_DETECTORS: readonly ((text: string) => Detection[])[] = [
  detectEmails,
  detectUrls,
  detectSsns,
  detectLabeledIds,
  detectUnlabeledIds,
  detectPhones,
  detectIpAddresses,
  detectDates,
  detectAgesOver89,
  detectZipCodes,
  detectStreetAddresses,
  detectCities,
]

/**
 * Replaces the HIPAA Safe Harbor identifiers in a clinical note by typed tokens ("[NAME_1]", "[DATE_2]")
 * before any model sees it. `context` carries what the claim already knows (names, birth date, member
 * id, address) so those are caught in any form; it is validated and an invalid one throws
 * InvalidDeidContext. The result's `mapping` (token -> original) is what the caller seals and keeps;
 * `spans` relate every token to its place in the input and in the output.
 */
export function deidentify(text: string, context?: DeidContextInput): Deidentified {
  if (typeof text !== 'string') throw new TypeError('deidentify expects the note as a string')
  const known = parseDeidContext(context)
  const detections: Detection[] = detectNames(text, known)
  for (const detect of PATTERN_DETECTORS) detections.push(...detect(text))
  detections.push(...detectContextValues(text, known))
  return replaceWithTokens(text, selectDetections(text, detections))
}
