/**
 * Decodes the front-coded description lists written by scripts/build-code-sets.mjs. Each entry is
 * `<p><codeRest>|<q base36>|<textRest>`: p characters of the code and q characters of the text are
 * shared with the entry before. One linear pass over a string kept in the bundle as a single constant.
 */
export function decodeFrontCoded(encoded: string): [code: string, text: string][] {
  const out: [string, string][] = []
  let code = ''
  let text = ''
  let start = 0
  while (start < encoded.length) {
    let end = encoded.indexOf('\n', start)
    if (end === -1) end = encoded.length
    const bar1 = encoded.indexOf('|', start)
    const bar2 = encoded.indexOf('|', bar1 + 1)
    const p = encoded.charCodeAt(start) - 48
    code = code.slice(0, p) + encoded.slice(start + 1, bar1)
    text = text.slice(0, parseInt(encoded.slice(bar1 + 1, bar2), 36)) + encoded.slice(bar2 + 1, end)
    out.push([code, text])
    start = end + 1
  }
  return out
}
