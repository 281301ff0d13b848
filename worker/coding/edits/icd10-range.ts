/** A span of ICD-10-CM categories or subcategories, inclusive, as the tabular list writes them ("O00-O9A"). */
export type Icd10Range = { from: string; to: string }

const bare = (code: string) => code.trim().replace('.', '').toUpperCase()

/** Whether a code falls in a range, comparing as many characters as each bound has (N40-N53 holds N40.1 and N53.9). */
export function inIcd10Range(code: string, range: Icd10Range): boolean {
  const c = bare(code)
  const from = bare(range.from)
  const to = bare(range.to)
  return c.slice(0, from.length) >= from && c.slice(0, to.length) <= to
}

export function inAnyIcd10Range(code: string, ranges: readonly Icd10Range[]): boolean {
  return ranges.some((range) => inIcd10Range(code, range))
}

/** Shorthand for tables: "N40-N53" or a single "Z3A". */
export function icd10Ranges(...spans: string[]): Icd10Range[] {
  return spans.map((span) => {
    const [from = span, to = from] = span.split('-')
    return { from, to }
  })
}
