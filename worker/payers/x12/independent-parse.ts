// Test-only: reads a written file back with node-x12, an X12 parser we did not write, so the writers'
// tests do not grade themselves with our own reader. Never imported by runtime code.
import { X12Parser } from 'node-x12'
import type { X12FatInterchange, X12Interchange, X12Segment } from 'node-x12'

export type ParsedSegment = { tag: string; elements: string[] }

function fromSegment(s: X12Segment): ParsedSegment {
  return { tag: s.tag, elements: s.elements.map((e) => e.value) }
}

/** Every segment of every interchange, envelope segments included, in file order. */
export function parseWithNodeX12(text: string): { interchanges: number; segments: ParsedSegment[] } {
  const parsed = new X12Parser(true).parse(text) as X12Interchange | X12FatInterchange
  // Several interchanges in one file come back as a fat interchange, an array of them.
  const interchanges: X12Interchange[] = Array.isArray(parsed) ? [...parsed] : [parsed as X12Interchange]
  const segments: ParsedSegment[] = []
  for (const isa of interchanges) {
    segments.push(fromSegment(isa.header))
    for (const gs of isa.functionalGroups) {
      segments.push(fromSegment(gs.header))
      for (const st of gs.transactions) {
        segments.push(fromSegment(st.header), ...st.segments.map(fromSegment), fromSegment(st.trailer))
      }
      segments.push(fromSegment(gs.trailer))
    }
    segments.push(fromSegment(isa.trailer))
  }
  return { interchanges: interchanges.length, segments }
}

/** Dollars as written ("125.5") back to integer cents without floating point. */
export function cents(amount: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount)
  if (!m) throw new Error(`not an X12 amount: ${amount}`)
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0')))
}
