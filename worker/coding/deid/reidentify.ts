import type { TokenMapping } from './types'

const TOKEN = /\[[A-Z0-9_]{1,60}\]/g

/**
 * Puts the original values back for a reader allowed to see them. Only tokens in the mapping are
 * replaced; anything else in brackets is left as it is.
 */
export function reidentify(text: string, mapping: TokenMapping): string {
  return text.replace(TOKEN, (token) => (Object.hasOwn(mapping, token) ? (mapping[token] ?? token) : token))
}
