import { contextOf, type ContextRange } from './context'
import { PROCEDURE_PATTERNS } from './procedure-lexicon'
import type { Section } from './sections'

export type FoundProcedure = { code: string; units: number; start: number; end: number; confidence: number }

// Units are written after the service, before the next item: "ketorolac 15 mg x3 units".
const UNITS_AFTER = /(?:^|\s)(?:x|×|times)\s*(\d{1,3})\b|\b(\d{1,3})\s*units?\b/i
const ITEM_END = /[;\n]|\.(?!\d)/

/**
 * Services documented as done: each pattern match outside negated or historical text ("ECG not done",
 * "s/p echo last year"), longest match first, units from "x4 units". One line per code.
 */
export function findProcedures(text: string, sections: readonly Section[], context: readonly ContextRange[]): FoundProcedure[] {
  const lower = text.toLowerCase()
  const matches: { code: string; start: number; end: number }[] = []
  for (const [code, patterns] of PROCEDURE_PATTERNS) {
    for (const pattern of patterns) {
      for (const match of lower.matchAll(new RegExp(pattern.source, 'g'))) matches.push({ code, start: match.index, end: match.index + match[0].length })
    }
  }
  matches.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start)
  const taken: { start: number; end: number }[] = []
  const found = new Map<string, FoundProcedure>()
  for (const m of matches) {
    if (taken.some((t) => m.start < t.end && t.start < m.end)) continue
    taken.push(m)
    const kind = contextOf(context, m.start, m.end)
    if (kind === 'negated' || kind === 'historical' || kind === 'family') continue
    const section = sections.find((s) => m.start >= s.start && m.start < s.end)
    if (section?.kind === 'history' || section?.kind === 'excluded') continue
    const rest = text.slice(m.end, m.end + 60)
    const itemEnd = rest.search(ITEM_END)
    const unitsMatch = UNITS_AFTER.exec(itemEnd === -1 ? rest : rest.slice(0, itemEnd))
    const units = unitsMatch ? Number(unitsMatch[1] ?? unitsMatch[2]) : 1
    const confidence = section?.kind === 'procedures' ? 0.92 : section?.kind === 'plan' ? 0.6 : 0.75
    const previous = found.get(m.code)
    if (!previous) found.set(m.code, { code: m.code, units: Math.max(1, units), start: m.start, end: m.end, confidence })
  }
  return [...found.values()].sort((x, y) => x.start - y.start)
}
