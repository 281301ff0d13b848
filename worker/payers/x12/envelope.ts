// The envelope walk: ISA / GS / ST ... SE / GE / IEA. Each level carries a count and a control number
// that its trailer must repeat; a mismatch usually means a truncated or hand-edited file, so it is an
// issue on the trailer's position and the transaction sets are still returned for the readers.
import { toX12Text } from './decode'
import type { X12Envelope, X12Issue } from './model'
import { element, tokenizeX12 } from './segments'
import type { X12InterchangeDelimiters, X12Segment, X12Tokens } from './segments'

export type X12TransactionSet = {
  /** ST01: '837', '835', '277', '999', '270' ... */
  type: string
  /** GS01 functional identifier: 'HC', 'HP', 'HN', 'FA' ... */
  functionalId: string
  envelope: X12Envelope
  /** ST to SE inclusive (to the last segment read when the SE is missing). */
  segments: X12Segment[]
  /** False when the set has no SE (a truncated file). */
  complete: boolean
  delimiters: X12InterchangeDelimiters
}

export type X12Interchanges = {
  transactions: X12TransactionSet[]
  /** TA1 segments: interchange acknowledgements sit directly in the interchange, outside any group. */
  technicalAcknowledgements: X12Segment[]
  /** ISA12 of each interchange: '00401', '00501'. */
  versions: string[]
  issues: X12Issue[]
}

type Open = { isa?: X12Segment; groups: number; gs?: X12Segment; sets: number; st?: X12Segment; body: X12Segment[] }

/** Walks the envelopes of a file (text, bytes or tokens). Never throws. */
export function readInterchanges(input: string | Uint8Array | X12Tokens): X12Interchanges {
  const tokens = typeof input === 'string' || input instanceof Uint8Array ? tokenizeX12(toX12Text(input)) : input
  const issues: X12Issue[] = [...tokens.issues]
  const transactions: X12TransactionSet[] = []
  const technicalAcknowledgements: X12Segment[] = []
  const versions: string[] = []
  const open: Open = { groups: 0, sets: 0, body: [] }
  const issue = (s: X12Segment, message: string) => issues.push({ segment: s.position, segmentId: s.id, message })

  const closeSet = (complete: boolean) => {
    const st = open.st
    if (!st) return
    const isa = open.isa
    transactions.push({
      type: element(st, 1),
      functionalId: open.gs ? element(open.gs, 1) : '',
      envelope: envelopeOf(isa, open.gs, st),
      segments: open.body,
      complete,
      delimiters: tokens.delimiters[st.interchange] ?? { element: '*', component: ':', segment: '~' },
    })
    open.st = undefined
    open.body = []
  }
  const unclosed = (at: X12Segment | undefined, what: 'SE' | 'GE' | 'IEA') => {
    const last = open.body.at(-1) ?? at
    const name = what === 'SE' ? `transaction set ${open.st ? element(open.st, 2) : ''}` : what === 'GE' ? `functional group ${open.gs ? element(open.gs, 6) : ''}` : `interchange ${open.isa ? element(open.isa, 13) : ''}`
    issues.push({ segment: at?.position ?? last?.position ?? 0, segmentId: at?.id, message: `${name} has no ${what} (file truncated?)` })
  }

  /** A set or group cut short by the next header or the end of the file: reported, and kept. */
  const abandonSet = (at: X12Segment | undefined) => {
    if (!open.st) return
    unclosed(at, 'SE')
    closeSet(false)
  }
  const abandonGroup = (at: X12Segment) => {
    if (!open.gs) return
    unclosed(at, 'GE')
    open.gs = undefined
  }

  for (const s of tokens.segments) {
    switch (s.id) {
      case 'ISA':
        abandonSet(s)
        abandonGroup(s)
        if (open.isa) unclosed(s, 'IEA')
        open.isa = s
        open.groups = 0
        versions.push(element(s, 12))
        break
      case 'GS':
        abandonSet(s)
        if (open.gs) unclosed(s, 'GE')
        if (!open.isa) issue(s, 'GS outside an interchange')
        open.gs = s
        open.sets = 0
        open.groups++
        break
      case 'ST':
        abandonSet(s)
        if (!open.gs) issue(s, 'ST outside a functional group')
        open.st = s
        open.body = [s]
        open.sets++
        break
      case 'SE': {
        const st = open.st
        if (!st) {
          issue(s, 'SE without ST')
          break
        }
        open.body.push(s)
        const count = open.body.length
        if (element(s, 1).trim() !== String(count)) issue(s, `SE01 says ${element(s, 1)} segments, the transaction set has ${count}`)
        if (element(s, 2).trim() !== element(st, 2).trim()) issue(s, `SE02 ${element(s, 2)} does not match ST02 ${element(st, 2)}`)
        closeSet(true)
        break
      }
      case 'GE': {
        abandonSet(s)
        const gs = open.gs
        if (!gs) {
          issue(s, 'GE without GS')
          break
        }
        if (element(s, 1).trim() !== String(open.sets)) issue(s, `GE01 says ${element(s, 1)} transaction sets, the group has ${open.sets}`)
        if (element(s, 2).trim() !== element(gs, 6).trim()) issue(s, `GE02 ${element(s, 2)} does not match GS06 ${element(gs, 6)}`)
        open.gs = undefined
        break
      }
      case 'IEA': {
        abandonSet(s)
        abandonGroup(s)
        const isa = open.isa
        if (!isa) {
          issue(s, 'IEA without ISA')
          break
        }
        if (element(s, 1).trim() !== String(open.groups)) issue(s, `IEA01 says ${element(s, 1)} functional groups, the interchange has ${open.groups}`)
        if (element(s, 2).trim() !== element(isa, 13).trim()) issue(s, `IEA02 ${element(s, 2)} does not match ISA13 ${element(isa, 13)}`)
        open.isa = undefined
        break
      }
      case 'TA1':
        if (open.st) open.body.push(s)
        else if (open.isa && !open.gs) technicalAcknowledgements.push(s)
        else issue(s, 'TA1 outside an interchange')
        break
      default:
        if (open.st) open.body.push(s)
        else issue(s, `${s.id} outside a transaction set`)
    }
  }
  const last = tokens.segments.at(-1)
  abandonSet(last)
  if (open.gs) unclosed(last, 'GE')
  if (open.isa) unclosed(last, 'IEA')
  return { transactions, technicalAcknowledgements, versions, issues }
}

function envelopeOf(isa: X12Segment | undefined, gs: X12Segment | undefined, st: X12Segment): X12Envelope {
  const at = (s: X12Segment | undefined, n: number) => (s ? element(s, n).trim() : '')
  return {
    senderId: at(isa, 6),
    receiverId: at(isa, 8),
    interchangeControlNumber: at(isa, 13),
    groupControlNumber: at(gs, 6),
    transactionControlNumber: at(st, 2),
    implementationGuide: at(st, 3) || at(gs, 8),
    createdAt: timestamp(at(gs, 4), at(gs, 5)) ?? timestamp(isaDate(at(isa, 9)), at(isa, 10)) ?? '',
    usage: at(isa, 15) === 'P' ? 'P' : 'T',
  }
}

/** ISA09 is YYMMDD; the window puts 00-49 in this century, as interchange dates are recent. */
function isaDate(yymmdd: string): string {
  if (!/^\d{6}$/.test(yymmdd)) return ''
  const yy = Number(yymmdd.slice(0, 2))
  return `${yy < 50 ? '20' : '19'}${yymmdd}`
}

function timestamp(ccyymmdd: string, time: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ccyymmdd)
  const t = /^(\d{2})(\d{2})(\d{2})?/.exec(time)
  if (!m || !t) return undefined
  const iso = `${m[1]}-${m[2]}-${m[3]}T${t[1]}:${t[2]}:${t[3] ?? '00'}Z`
  const parsed = new Date(iso)
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso.slice(0, 10) ? undefined : iso
}

/** What the readers accept: the file itself or an envelope walk already done. */
export type X12ReaderInput = string | Uint8Array | X12Interchanges

export function interchangesOf(input: X12ReaderInput): X12Interchanges {
  return typeof input === 'string' || input instanceof Uint8Array ? readInterchanges(input) : input
}
