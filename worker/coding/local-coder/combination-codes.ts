/**
 * ICD-10-CM combination codes: when two conditions are documented and the classification links them
 * ("with" convention), one code replaces the pair or names the link. Rules act on codes without the dot.
 * `replaces` is dropped from the claim; `keeps` stays as the additional code the guidelines require.
 */
type Rule = { when: readonly [RegExp, RegExp]; code: string; replaces: readonly number[] }

const RULES: readonly Rule[] = [
  { when: [/^E11(?!2)/, /^N18/], code: 'E1122', replaces: [0] },
  { when: [/^E10(?!2)/, /^N18/], code: 'E1022', replaces: [0] },
  { when: [/^E119$/, /^R739$/], code: 'E1165', replaces: [0, 1] },
  { when: [/^E109$/, /^R739$/], code: 'E1065', replaces: [0, 1] },
  { when: [/^E119$/, /^E162$/], code: 'E11649', replaces: [0, 1] },
  { when: [/^E119$/, /^G629$/], code: 'E1140', replaces: [0, 1] },
  { when: [/^E119$/, /^H269$/], code: 'E1136', replaces: [0, 1] },
  { when: [/^I110$/, /^I50/], code: 'I110', replaces: [0] },
  { when: [/^I10$/, /^I50/], code: 'I110', replaces: [0] },
  { when: [/^I10$/, /^N18/], code: 'I129', replaces: [0] },
  { when: [/^I2510$/, /^I209$/], code: 'I25119', replaces: [0, 1] },
  { when: [/^J449$/, /^(?:J209|J22)$/], code: 'J440', replaces: [0, 1] },
]

/** A diagnosis as the combiner sees it: `locked` when the note named the exact official title. */
export type Combinable = { code: string; locked: boolean }

/**
 * Applies every rule whose two conditions are present. A pair the clinician already coded by its exact
 * titles is left alone: the assessment is the clinician's statement, and combining is for shorthand.
 * Returns codes in the original order, with the combination code where the first condition stood.
 */
export function applyCombinations<T extends Combinable>(diagnoses: readonly T[], make: (code: string, from: readonly T[]) => T): T[] {
  let list = [...diagnoses]
  for (const rule of RULES) {
    const a = list.findIndex((d) => rule.when[0].test(d.code))
    const b = list.findIndex((d) => rule.when[1].test(d.code))
    if (a === -1 || b === -1 || a === b) continue
    if (list[a]!.locked && list[b]!.locked) continue
    if (list[a]!.code === rule.code) continue
    const combined = make(rule.code, [list[a]!, list[b]!])
    const drop = new Set(rule.replaces.map((i) => (i === 0 ? a : b)))
    list = list.flatMap((d, i) => (i === Math.min(a, b) ? [combined, ...(drop.has(i) ? [] : [d])] : drop.has(i) ? [] : [d]))
  }
  const seen = new Set<string>()
  return list.filter((d) => (seen.has(d.code) ? false : (seen.add(d.code), true)))
}
