/**
 * One word of a name: letters with inner apostrophes and hyphens (O'Brien, Smith-Jones), accented letters
 * included. Sticky, so a caller reads the word that starts exactly where it points.
 */
export const NAME_WORD = /[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F]|['\u2019-](?=[A-Za-z\u00C0-\u024F])){0,40}/y

/** A fresh scanner over every word of a text (its own lastIndex, so scans never disturb each other). */
export function everyWord(): RegExp {
  return /[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F]|['\u2019-](?=[A-Za-z\u00C0-\u024F]))*/g
}

/** Length of the word without a possessive ending: "Smith's" -> 5, "Jones'" -> 5. */
export function withoutPossessive(word: string): number {
  if (/['\u2019][sS]$/.test(word)) return word.length - 2
  if (/[sS]['\u2019]$/.test(word)) return word.length - 1
  return word.length
}

export function isCapitalised(word: string): boolean {
  const first = word[0] ?? ''
  return first !== first.toLowerCase() && first === first.toUpperCase()
}

/** The word starting at `at`, or undefined when no word starts there. */
export function wordAt(text: string, at: number): string | undefined {
  NAME_WORD.lastIndex = at
  const m = NAME_WORD.exec(text)
  return m ? m[0] : undefined
}
