import mueTable from '../../../data/generator/mue-limits.json'
import { NCCI_PAIRS } from '../../generator/engine/ncci-edits'
import { buildEditTables, type EditSource, type EditTables } from './edit-tables'
import type { MueLimit } from './mue-limit'
import { parseAdjudication } from './parse-mue'
import type { PtpModifierIndicator, PtpPair } from './ptp-pair'

/**
 * The table the product ships with: the same NCCI pairs and MUE values the synthetic engine and the risk
 * engine use, so a claim the generator builds to fail an edit fails it here too. Load the full CMS files
 * with the parsers and pass them after this source to `buildEditTables`.
 */
export function bundledEditSource(): EditSource {
  const ptp: PtpPair[] = NCCI_PAIRS.flatMap((p) => {
    const modifierIndicator = indicator(p.modifierIndicator)
    return modifierIndicator === undefined ? [] : [{ ...p, modifierIndicator }]
  })
  const mue: MueLimit[] = mueTable.limits.map((m) => ({ code: m.code, units: m.units, adjudication: parseAdjudication(m.adjudication) ?? null }))
  return { ptp, mue }
}

let cached: EditTables | undefined

/** Built on first use: reference data only, nothing from a request or a binding. */
export function defaultEditTables(): EditTables {
  cached ??= buildEditTables(bundledEditSource())
  return cached
}

function indicator(value: number): PtpModifierIndicator | undefined {
  return value === 0 || value === 1 || value === 9 ? value : undefined
}
