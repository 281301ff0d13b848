/** A span of procedure codes, inclusive. Both bounds share a shape (five digits, or a letter and four digits). */
export type ProcedureRange = { from: string; to: string }

export function inProcedureRange(code: string, range: ProcedureRange): boolean {
  const c = code.trim().toUpperCase()
  return c.length === range.from.length && sameShape(c, range.from) && c >= range.from && c <= range.to
}

export function inAnyProcedureRange(code: string, ranges: readonly ProcedureRange[]): boolean {
  return ranges.some((range) => inProcedureRange(code, range))
}

/** Shorthand for tables: "59000-59899" or a single "Q0091". */
export function procedureRanges(...spans: string[]): ProcedureRange[] {
  return spans.map((span) => {
    const [from = span, to = from] = span.split('-')
    return { from, to }
  })
}

// 0591T sorts between 05910 and 05920 as a string; a range of plain CPT codes must not take it.
function sameShape(a: string, b: string): boolean {
  const shape = (s: string) => s.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A')
  return shape(a) === shape(b)
}
