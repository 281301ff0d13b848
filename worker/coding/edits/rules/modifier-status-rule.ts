import { compactDate, inForce } from '../dates'
import type { Edit } from '../types'
import { lineDate, lineRef, modifiersOf, type EditRule } from './edit-rule'

/**
 * A HCPCS modifier used outside its dates (discontinued, or not yet effective) is invalid on the claim.
 * Only modifiers the loaded HCPCS file lists are judged: CPT modifiers (25, 59...) are not in that file.
 */
export const modifierStatusRule: EditRule = (claim, tables) => {
  const edits: Edit[] = []
  claim.lines.forEach((line, index) => {
    const date = lineDate(claim, line)
    for (const modifier of modifiersOf(line)) {
      const entry = tables.modifiers.get(modifier)
      if (entry === undefined || inForce({ effective: entry.effective ?? '00000000', deletion: entry.termination }, date)) continue
      const when = entry.termination !== null && entry.termination < compactDate(date) ? `was discontinued after ${isoDate(entry.termination)}` : `is not effective until ${isoDate(entry.effective ?? '')}`
      edits.push({
        code: 'modifier-discontinued',
        severity: 'deny',
        lines: [index + 1],
        diagnoses: [],
        message: `${lineRef(index, line)}: modifier ${modifier} ${when}, so it is invalid on ${date}; remove it or use its replacement.`,
      })
    }
  })
  return edits
}

const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
