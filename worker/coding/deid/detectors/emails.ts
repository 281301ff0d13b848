import { matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'

// Bounded local part and labels: an unbounded `[\w.]+@` retries from every position of a long run of
// letters and becomes quadratic; RFC 5321 limits the local part to 64 characters and a label to 63 anyway.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/dg

export function detectEmails(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of matchesOf(text, EMAIL)) found.push(wholeDetection(m, 'EMAIL'))
  return found
}
