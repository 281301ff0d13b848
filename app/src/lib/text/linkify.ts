export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g
/** Sentence punctuation after a link belongs to the sentence, not to the address. */
const TRAILING = /[.,;:!?)\]]+$/

/**
 * Splits plain text into text and http(s) links, so a page can render the links as elements without
 * handing the text to the HTML parser. Other schemes stay text.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0
    const raw = match[0]
    const href = raw.replace(TRAILING, '')
    if (!href.match(/^https?:\/\/[^/]/)) continue
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) })
    parts.push({ kind: 'link', text: href, href })
    last = start + href.length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}
