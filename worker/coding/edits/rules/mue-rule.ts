import type { MueLimit } from '../mue-limit'
import type { Edit } from '../types'
import { lineDate, lineRef, listLines, procedureOf, type EditRule } from './edit-rule'

const WHY: Record<NonNullable<MueLimit['adjudication']> | 'unknown', string> = {
  1: 'per claim line',
  2: 'per day, a policy limit that cannot be appealed',
  3: 'per day, a clinical limit: an appeal with records may succeed',
  unknown: 'per day',
}

/**
 * Medically Unlikely Edits. Indicator 1 limits each line; 2 and 3 limit the day's total across lines
 * (splitting units over lines does not get past them). A limit whose indicator is unknown is applied
 * per day, the stricter reading.
 */
export const mueRule: EditRule = (claim, tables) => {
  const edits: Edit[] = []
  const perDay = new Map<string, { limit: MueLimit; date: string; lines: number[]; units: number }>()
  claim.lines.forEach((line, index) => {
    const code = procedureOf(line)
    const limit = tables.mue.get(code)
    if (limit === undefined) return
    if (limit.adjudication === 1) {
      if (line.units > limit.units) {
        edits.push({
          code: 'mue-exceeded',
          severity: 'deny',
          lines: [index + 1],
          diagnoses: [],
          message: `${lineRef(index, line)} bills ${line.units} units; Medicare's MUE allows at most ${limit.units} (${WHY[1]}). Bill the units supported or split distinct services with the right modifier.`,
        })
      }
      return
    }
    const date = lineDate(claim, line)
    const key = `${code}|${date}`
    const day = perDay.get(key) ?? { limit, date, lines: [], units: 0 }
    day.lines.push(index + 1)
    day.units += line.units
    perDay.set(key, day)
  })
  for (const day of perDay.values()) {
    if (day.units <= day.limit.units) continue
    edits.push({
      code: 'mue-exceeded',
      severity: 'deny',
      lines: day.lines,
      diagnoses: [],
      message: `${capitalise(listLines(day.lines))} ${day.lines.length === 1 ? 'bills' : 'bill'} ${day.units} units of ${day.limit.code} on ${day.date}; Medicare's MUE allows at most ${day.limit.units} (${WHY[day.limit.adjudication ?? 'unknown']}).`,
    })
  }
  return edits
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
