// The segment builder shared by the X12 writers: delimiters, value checks, envelope segments and the
// counts their trailers carry. Control numbers come from the caller so a retry writes the same file.
import type { X12Envelope } from './model'
import { formatTimestamp } from './x12-format'

export type X12Delimiters = {
  element: string
  component: string
  repetition: string
  terminator: string
  /** Write a newline after each terminator, for people reading the file; parsers ignore it. */
  newline: boolean
}

export const DEFAULT_DELIMITERS: X12Delimiters = { element: '*', component: ':', repetition: '^', terminator: '~', newline: true }

export type X12WriteReason =
  | 'delimiter-in-value'
  | 'invalid-character'
  | 'invalid-value'
  | 'invalid-control-number'
  | 'invalid-envelope'
  | 'envelope-out-of-order'
  | 'no-claims'
  | 'unsupported-claim-kind'
  | 'too-many-diagnoses'
  | 'too-many-modifiers'
  | 'invalid-diagnosis-pointer'
  | 'charge-mismatch'
  | 'missing-required'
  | 'unbalanced-remittance'
  | 'unbalanced-claim'
  | 'unbalanced-service'

/** What went wrong, naming the segment and element but never the value (it may be PHI). */
export type X12WriteError = { ok: false; reason: X12WriteReason; message: string; segmentId?: string; element?: number; claimId?: string }
export type X12WriteResult = { ok: true; text: string } | X12WriteError

/** An element: a simple value, or the components of a composite. Empty and absent values are blank. */
export type X12Element = string | undefined | readonly (string | undefined)[]

export type InterchangeOptions = {
  senderQualifier?: string
  receiverQualifier?: string
  /** ISA14: ask the receiver for a TA1. */
  acknowledgmentRequested?: boolean
}

/**
 * A control number as written: digits only, left-padded with zeros to `width`. ISA13 is always nine
 * digits; ST02 at least four. Undefined when it is not a number of at most nine digits.
 */
export function padControlNumber(value: string | number, width: number): string | undefined {
  const s = String(value)
  if (!/^\d{1,9}$/.test(s)) return undefined
  return s.padStart(width, '0')
}

function trimTrailing<T>(values: T[], isEmpty: (v: T) => boolean): T[] {
  let end = values.length
  while (end > 0 && isEmpty(values[end - 1] as T)) end--
  return values.slice(0, end)
}

export class X12SegmentWriter {
  readonly delimiters: X12Delimiters
  private readonly out: string[] = []
  private failure: X12WriteError | undefined
  private transactionStart: number | undefined
  private transactionControl = ''
  private transactionsInGroup = 0
  private groupControl: string | undefined
  private groupsInInterchange = 0
  private interchangeControl: string | undefined

  constructor(delimiters: Partial<X12Delimiters> = {}) {
    this.delimiters = { ...DEFAULT_DELIMITERS, ...delimiters }
  }

  /** The first problem met; once set, later segments are ignored. */
  get error(): X12WriteError | undefined {
    return this.failure
  }

  fail(reason: X12WriteReason, message: string, where: { segmentId?: string; element?: number; claimId?: string } = {}): this {
    this.failure ??= { ok: false, reason, message, ...where }
    return this
  }

  private checkValue(value: string, segmentId: string, element: number): boolean {
    const d = this.delimiters
    for (const ch of [d.element, d.component, d.repetition, d.terminator]) {
      if (value.includes(ch)) {
        this.fail('delimiter-in-value', `${segmentId}${String(element).padStart(2, '0')} contains a delimiter character`, { segmentId, element })
        return false
      }
    }
    if (!/^[\x20-\x7e]*$/.test(value)) {
      this.fail('invalid-character', `${segmentId}${String(element).padStart(2, '0')} contains a character outside the X12 character set`, { segmentId, element })
      return false
    }
    return true
  }

  /** Adds a segment; trailing empty elements (and empty trailing components) are dropped. */
  segment(id: string, ...elements: X12Element[]): this {
    if (this.failure) return this
    const written: string[] = []
    for (const [i, element] of elements.entries()) {
      const parts = typeof element === 'string' || element === undefined ? [element ?? ''] : element.map((c) => c ?? '')
      for (const part of parts) if (!this.checkValue(part, id, i + 1)) return this
      written.push(trimTrailing(parts, (p) => p === '').join(this.delimiters.component))
    }
    this.push([id, ...trimTrailing(written, (e) => e === '')].join(this.delimiters.element))
    return this
  }

  private push(text: string): void {
    this.out.push(text + this.delimiters.terminator + (this.delimiters.newline ? '\n' : ''))
  }

  /** ISA, fixed width: 106 characters with its terminator, every field padded to its size. */
  beginInterchange(envelope: X12Envelope, options: InterchangeOptions = {}): this {
    if (this.failure) return this
    if (this.interchangeControl !== undefined) return this.fail('envelope-out-of-order', 'an interchange is already open', { segmentId: 'ISA' })
    const icn = padControlNumber(envelope.interchangeControlNumber, 9)
    if (!icn) return this.fail('invalid-control-number', 'ISA13 must be at most nine digits', { segmentId: 'ISA', element: 13 })
    const at = formatTimestamp(envelope.createdAt)
    if (!at) return this.fail('invalid-envelope', 'createdAt is not an ISO date-time', { segmentId: 'ISA', element: 9 })
    const d = this.delimiters
    if ([d.element, d.component, d.repetition, d.terminator].some((c) => c.length !== 1) || new Set([d.element, d.component, d.repetition, d.terminator]).size !== 4) {
      return this.fail('invalid-envelope', 'delimiters must be four distinct single characters', { segmentId: 'ISA' })
    }
    const fixed = (value: string, width: number, element: number): string | undefined => {
      if (value.length > width) {
        this.fail('invalid-envelope', `ISA${String(element).padStart(2, '0')} is longer than ${width} characters`, { segmentId: 'ISA', element })
        return undefined
      }
      return this.checkValue(value, 'ISA', element) ? value.padEnd(width, ' ') : undefined
    }
    const fields = [
      fixed('00', 2, 1),
      fixed('', 10, 2),
      fixed('00', 2, 3),
      fixed('', 10, 4),
      fixed(options.senderQualifier ?? 'ZZ', 2, 5),
      fixed(envelope.senderId, 15, 6),
      fixed(options.receiverQualifier ?? 'ZZ', 2, 7),
      fixed(envelope.receiverId, 15, 8),
      at.yymmdd,
      at.hhmm,
      d.repetition,
      '00501',
      icn,
      options.acknowledgmentRequested ? '1' : '0',
      envelope.usage,
      d.component,
    ]
    if (this.failure) return this
    this.push(['ISA', ...fields].join(d.element))
    this.interchangeControl = icn
    this.groupsInInterchange = 0
    return this
  }

  /** GS: functional identifier (HC 837, HP 835, HN 277), the application codes and the guide. */
  beginGroup(functionalId: string, envelope: X12Envelope): this {
    if (this.failure) return this
    if (this.interchangeControl === undefined || this.groupControl !== undefined) return this.fail('envelope-out-of-order', 'GS needs an open interchange and no open group', { segmentId: 'GS' })
    const gcn = padControlNumber(envelope.groupControlNumber, 1)
    if (!gcn) return this.fail('invalid-control-number', 'GS06 must be at most nine digits', { segmentId: 'GS', element: 6 })
    const at = formatTimestamp(envelope.createdAt)
    if (!at) return this.fail('invalid-envelope', 'createdAt is not an ISO date-time', { segmentId: 'GS', element: 4 })
    this.segment('GS', functionalId, envelope.senderId, envelope.receiverId, at.ccyymmdd, at.hhmm, gcn, 'X', envelope.implementationGuide)
    this.groupControl = gcn
    this.transactionsInGroup = 0
    this.groupsInInterchange++
    return this
  }

  /** ST: the transaction set; SE01 counts from this segment to SE inclusive. */
  beginTransaction(setId: string, envelope: X12Envelope): this {
    if (this.failure) return this
    if (this.groupControl === undefined || this.transactionStart !== undefined) return this.fail('envelope-out-of-order', 'ST needs an open group and no open transaction', { segmentId: 'ST' })
    const stcn = padControlNumber(envelope.transactionControlNumber, 4)
    if (!stcn) return this.fail('invalid-control-number', 'ST02 must be at most nine digits', { segmentId: 'ST', element: 2 })
    this.transactionStart = this.out.length
    this.transactionControl = stcn
    this.segment('ST', setId, stcn, envelope.implementationGuide)
    this.transactionsInGroup++
    return this
  }

  endTransaction(): this {
    if (this.failure) return this
    if (this.transactionStart === undefined) return this.fail('envelope-out-of-order', 'SE without ST', { segmentId: 'SE' })
    const count = this.out.length - this.transactionStart + 1
    this.segment('SE', String(count), this.transactionControl)
    this.transactionStart = undefined
    return this
  }

  endGroup(): this {
    if (this.failure) return this
    if (this.groupControl === undefined || this.transactionStart !== undefined) return this.fail('envelope-out-of-order', 'GE without GS or with an open transaction', { segmentId: 'GE' })
    this.segment('GE', String(this.transactionsInGroup), this.groupControl)
    this.groupControl = undefined
    return this
  }

  endInterchange(): this {
    if (this.failure) return this
    if (this.interchangeControl === undefined || this.groupControl !== undefined) return this.fail('envelope-out-of-order', 'IEA without ISA or with an open group', { segmentId: 'IEA' })
    this.segment('IEA', String(this.groupsInInterchange), this.interchangeControl)
    this.interchangeControl = undefined
    return this
  }

  /** Segments written so far in the open transaction, ST included. */
  get transactionSegmentCount(): number {
    return this.transactionStart === undefined ? 0 : this.out.length - this.transactionStart
  }

  finish(): X12WriteResult {
    if (this.failure) return this.failure
    if (this.interchangeControl !== undefined) return { ok: false, reason: 'envelope-out-of-order', message: 'the interchange is not closed', segmentId: 'IEA' }
    return { ok: true, text: this.out.join('') }
  }
}
