/**
 * Decodes the "grouped codes" strings written by scripts/build-code-sets.mjs: groups separated by
 * spaces, each `ABC:rest1,rest2` where a code is the three-character head plus one rest (possibly
 * empty). Grouping by head roughly halves the bundle compared with listing every code in full.
 */
export function decodeGroupedCodes(encoded: string): Set<string> {
  const codes = new Set<string>()
  for (const group of encoded.split(' ')) {
    if (group === '') continue
    const colon = group.indexOf(':')
    const head = group.slice(0, colon)
    for (const rest of group.slice(colon + 1).split(',')) codes.add(head + rest)
  }
  return codes
}
