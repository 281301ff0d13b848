import { matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/dg
// A maximal run of hex digits and colons (one character class: it cannot backtrack), validated after.
const HEX_COLON_RUN = /(?<![0-9A-Za-z:])[0-9A-Fa-f:]{2,}(?:\.\d{1,3}){0,3}(?![0-9A-Za-z:])/dg

function isIpv4(candidate: string): boolean {
  return candidate.split('.').every((part) => Number(part) <= 255 && !(part.length > 1 && part.startsWith('0')))
}

/** RFC 4291 text form: eight groups of up to four hex digits, or fewer with one "::", optionally ending in IPv4. */
function isIpv6(candidate: string): boolean {
  if (candidate.length > 45) return false
  let body = candidate
  const groupsNeeded = 8
  const lastColon = body.lastIndexOf(':')
  if (body.includes('.')) {
    if (!isIpv4Text(body.slice(lastColon + 1))) return false
    body = body.slice(0, lastColon + 1) + '0:0'
  }
  const halves = body.split('::')
  if (halves.length > 2) return false
  const groups = (half: string) => (half === '' ? [] : half.split(':'))
  const parts = halves.flatMap(groups)
  if (!parts.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false
  if (halves.length === 2) return parts.length < groupsNeeded && parts.length >= 1
  return parts.length === groupsNeeded
}

function isIpv4Text(candidate: string): boolean {
  return /^(?:\d{1,3}\.){3}\d{1,3}$/.test(candidate) && isIpv4(candidate)
}

export function detectIpAddresses(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of matchesOf(text, IPV4)) if (isIpv4(m[0])) found.push(wholeDetection(m, 'IP'))
  for (const m of matchesOf(text, HEX_COLON_RUN)) if (m[0].includes(':') && isIpv6(m[0])) found.push(wholeDetection(m, 'IP'))
  return found
}
