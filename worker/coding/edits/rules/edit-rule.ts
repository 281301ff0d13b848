import type { EditTables } from '../edit-tables'
import type { Edit, EditClaim, EditLine } from '../types'

/** One family of edits: reads the claim and the tables, returns what fails. Pure, so the order of rules never matters. */
export type EditRule = (claim: EditClaim, tables: EditTables) => Edit[]

/** A line's date of service: its own when lines span days, else the claim's. */
export const lineDate = (claim: EditClaim, line: EditLine) => line.serviceDate ?? claim.serviceDate

export const procedureOf = (line: EditLine) => line.procedureCode.trim().toUpperCase()
export const modifiersOf = (line: EditLine) => line.modifiers.map((m) => m.trim().toUpperCase())

/** "Line 2 (36591)": how a biller finds the line on the claim form. */
export const lineRef = (index: number, line: EditLine) => `Line ${index + 1} (${procedureOf(line)})`

/** The same, within a sentence. */
export const lineRefInSentence = (index: number, line: EditLine) => `line ${index + 1} (${procedureOf(line)})`

/** "lines 1, 2 and 4" */
export function listLines(numbers: readonly number[]): string {
  if (numbers.length === 1) return `line ${numbers[0]}`
  return `lines ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`
}
