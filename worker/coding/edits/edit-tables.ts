import type { HcpcsEntry } from './hcpcs-entry'
import type { MueLimit } from './mue-limit'
import type { PtpPair } from './ptp-pair'

/** The reference data the edits read, indexed for a claim's few lookups. Build once per isolate, not per claim. */
export type EditTables = {
  /** Every period of a pair, keyed `column1|column2`. */
  ptp: ReadonlyMap<string, readonly PtpPair[]>
  mue: ReadonlyMap<string, MueLimit>
  /** HCPCS Level II modifiers with the dates they may be billed. */
  modifiers: ReadonlyMap<string, HcpcsEntry>
  /**
   * Every procedure code the loaded CMS files name (PTP columns, MUE rows, HCPCS procedures): CMS lists only
   * real codes, so these are known even where the bundled code set (hospital outpatient codes) lacks them.
   */
  procedureCodes: ReadonlySet<string>
}

/** What a source contributes; any part may be missing (the excerpts have no procedures, the generator's table no modifiers). */
export type EditSource = { ptp?: readonly PtpPair[]; mue?: readonly MueLimit[]; hcpcs?: readonly HcpcsEntry[] }

export const ptpKey = (column1: string, column2: string) => `${column1}|${column2}`

/**
 * Later sources win for the same pair period, code or modifier, so a full CMS file loaded after the
 * bundled table replaces its rows rather than doubling them.
 */
export function buildEditTables(...sources: EditSource[]): EditTables {
  const periods = new Map<string, PtpPair>()
  const mue = new Map<string, MueLimit>()
  const modifiers = new Map<string, HcpcsEntry>()
  const procedureCodes = new Set<string>()
  for (const source of sources) {
    for (const pair of source.ptp ?? []) {
      periods.set(`${ptpKey(pair.column1, pair.column2)}|${pair.effective}`, pair)
      procedureCodes.add(pair.column1).add(pair.column2)
    }
    for (const limit of source.mue ?? []) {
      mue.set(limit.code, limit)
      procedureCodes.add(limit.code)
    }
    for (const entry of source.hcpcs ?? []) {
      if (entry.kind === 'modifier') modifiers.set(entry.code, entry)
      else procedureCodes.add(entry.code)
    }
  }
  const ptp = new Map<string, PtpPair[]>()
  for (const pair of periods.values()) {
    const key = ptpKey(pair.column1, pair.column2)
    const list = ptp.get(key)
    if (list) list.push(pair)
    else ptp.set(key, [pair])
  }
  return { ptp, mue, modifiers, procedureCodes }
}
