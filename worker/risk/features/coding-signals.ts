import { MUE_LIMITS, NCCI_PAIRS } from '../../generator/engine/ncci-edits'
import { isOfficeVisitCode, needsSeparateVisitModifier } from '../procedure-kinds'
import type { RiskSubject } from './risk-subject'

// The NCCI and MUE rows are the CMS excerpts shipped in data/generator (see its README): the same
// tables the synthetic payers apply. The coder's full edit set will feed `coder.editsFailed`.

type Line = RiskSubject['lines'][number]

/** Modifiers that tell a payer two bundled services were distinct (NCCI modifier indicator 1). */
const NCCI_BYPASS = new Set(['59', 'XE', 'XS', 'XP', 'XU'])

const PAIRS_BY_COLUMN1 = new Map<string, (typeof NCCI_PAIRS)[number][]>()
for (const pair of NCCI_PAIRS) PAIRS_BY_COLUMN1.set(pair.column1, [...(PAIRS_BY_COLUMN1.get(pair.column1) ?? []), pair])
const MUE_BY_CODE = new Map(MUE_LIMITS.map((m) => [m.code, m.units]))

const compactDate = (iso: string) => iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10)

export type CodingSignals = {
  /** The visit line missing modifier 25 and the procedure that calls for it. */
  modifier25Missing: { visit: string; procedure: string } | null
  unbundledPairs: { column1: string; column2: string }[]
  /** The line furthest over its MUE limit, when one is over or at it. */
  worstMue: { code: string; units: number; limit: number; ratio: number } | null
  hasModifier25: boolean
  hasModifier59: boolean
}

export function codingSignals(subject: Pick<RiskSubject, 'lines' | 'serviceDate'>): CodingSignals {
  const { lines } = subject
  const visit = lines.find((l) => isOfficeVisitCode(l.procedureCode) && !l.modifiers.includes('25'))
  const procedure = lines.find((l) => needsSeparateVisitModifier(l.procedureCode))
  return {
    modifier25Missing: visit && procedure ? { visit: visit.procedureCode, procedure: procedure.procedureCode } : null,
    unbundledPairs: unbundledPairs(lines, compactDate(subject.serviceDate)),
    worstMue: worstMue(lines),
    hasModifier25: lines.some((l) => l.modifiers.includes('25')),
    hasModifier59: lines.some((l) => l.modifiers.some((m) => NCCI_BYPASS.has(m))),
  }
}

function unbundledPairs(lines: readonly Line[], day: string): { column1: string; column2: string }[] {
  const found: { column1: string; column2: string }[] = []
  for (const first of lines) {
    for (const pair of PAIRS_BY_COLUMN1.get(first.procedureCode) ?? []) {
      if (pair.effective > day || (pair.deletion !== null && pair.deletion < day)) continue
      const second = lines.find((l) => l.procedureCode === pair.column2)
      if (!second) continue
      const bypassed = pair.modifierIndicator === 1 && second.modifiers.some((m) => NCCI_BYPASS.has(m))
      if (!bypassed) found.push({ column1: pair.column1, column2: pair.column2 })
    }
  }
  return found
}

function worstMue(lines: readonly Line[]): CodingSignals['worstMue'] {
  // Units of the same code on several lines count together, as MUE adjudication does per day.
  const units = new Map<string, number>()
  for (const l of lines) units.set(l.procedureCode, (units.get(l.procedureCode) ?? 0) + l.units)
  let worst: CodingSignals['worstMue'] = null
  for (const [code, total] of units) {
    const limit = MUE_BY_CODE.get(code)
    if (limit === undefined || limit <= 0) continue
    const ratio = total / limit
    if (!worst || ratio > worst.ratio) worst = { code, units: total, limit, ratio }
  }
  return worst
}
