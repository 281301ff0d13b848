// The X12 tokenizer. Each interchange declares its own delimiters in its ISA header, a fixed-width
// segment of 106 characters: the element separator is the character after "ISA", the component
// separator is ISA16 and the segment terminator the character right after it. Files in the wild add
// line breaks between segments, concatenate interchanges, pad the end and sometimes miscount the ISA's
// fixed widths, so the header is located by counting its 16 element separators, not by offsets alone.
import type { X12Issue } from './model'

export type X12InterchangeDelimiters = {
  element: string
  /** ISA16. */
  component: string
  /** ISA11 from version 00501 on; 4010 used ISA11 for the standards id ('U') and has none. */
  repetition?: string
  segment: string
}

export type X12Segment = {
  id: string
  /** The data elements, without the id: elements[0] is XX01. */
  elements: string[]
  /** 1-based position of the segment in the file, across interchanges. */
  position: number
  /** 0-based index of the interchange (ISA) the segment belongs to. */
  interchange: number
}

export type X12Tokens = { segments: X12Segment[]; delimiters: X12InterchangeDelimiters[]; issues: X12Issue[] }

const ISA_WIDTH = 106
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/
const LEADING_SPACE = /^\s+/
const TRAILING_LINE_BREAKS = /[\r\n]+$/

/** Splits X12 text into segments. Never throws: what it cannot read becomes an issue. */
export function tokenizeX12(text: string): X12Tokens {
  const segments: X12Segment[] = []
  const delimiters: X12InterchangeDelimiters[] = []
  const issues: X12Issue[] = []
  let position = 0
  let cursor = 0

  // Text between interchanges (or before the first) that is not an ISA: reported once per gap.
  let gap = 0
  let gapProblem: string | undefined
  const closeGap = () => {
    if (gap > 0) {
      const where = delimiters.length === 0 ? 'before the first ISA' : 'outside an interchange'
      issues.push({ segment: position, message: `${gap} characters ${where} ignored${gapProblem ? ` (${gapProblem})` : ''}` })
    }
    gap = 0
    gapProblem = undefined
  }

  while (cursor < text.length) {
    const start = text.indexOf('ISA', cursor)
    gap += text.slice(cursor, start === -1 ? text.length : start).trim().length
    if (start === -1) break

    const header = readIsa(text, start)
    if (!header.ok) {
      gap += 3
      gapProblem ??= header.message
      cursor = start + 3
      continue
    }
    closeGap()
    const interchange = delimiters.length
    const d = header.delimiters
    delimiters.push(d)
    if (header.warning) issues.push({ segment: position + 1, segmentId: 'ISA', message: header.warning })
    segments.push({ id: 'ISA', elements: header.elements, position: ++position, interchange })
    cursor = header.end

    // Segments of this interchange, up to IEA, the next ISA or the end of the text.
    for (;;) {
      const lead = LEADING_SPACE.exec(text.slice(cursor, cursor + 256))
      if (lead) cursor += lead[0].length
      if (cursor >= text.length) break
      if (text.startsWith('ISA', cursor) && !/[A-Za-z0-9]/.test(text.charAt(cursor + 3))) break
      const end = text.indexOf(d.segment, cursor)
      const raw = text.slice(cursor, end === -1 ? text.length : end).replace(TRAILING_LINE_BREAKS, '')
      cursor = end === -1 ? text.length : end + d.segment.length
      if (raw.trim() === '') continue
      position++
      const parts = raw.split(d.element)
      const id = (parts[0] ?? '').trim()
      // An IEA without a terminator at the very end is common (editors drop the final line break).
      if (end === -1 && id !== 'IEA') issues.push({ segment: position, message: 'last segment has no segment terminator (file truncated?)' })
      if (!SEGMENT_ID.test(id)) {
        issues.push({ segment: position, message: `not a segment: "${preview(raw)}"` })
        continue
      }
      segments.push({ id, elements: parts.slice(1), position, interchange })
      if (id === 'IEA') break
    }
  }

  closeGap()
  if (delimiters.length === 0) issues.push({ segment: 0, message: 'no ISA interchange header found: not X12' })
  return { segments, delimiters, issues }
}

type IsaHeader =
  | { ok: true; elements: string[]; delimiters: X12InterchangeDelimiters; end: number; warning?: string }
  | { ok: false; message: string }

function readIsa(text: string, start: number): IsaHeader {
  const element = text.charAt(start + 3)
  if (element === '' || /[A-Za-z0-9\s]/.test(element)) return { ok: false, message: 'ISA without a valid element separator' }
  // The 16th element separator precedes ISA16; in a well-formed header it is at offset 103.
  let sixteenth = -1
  let at = start + 3
  for (let n = 1; n <= 16; n++) {
    if (n > 1) at = text.indexOf(element, at + 1)
    if (at === -1 || at > start + ISA_WIDTH + 20) return { ok: false, message: 'ISA header truncated: fewer than 16 elements' }
    sixteenth = at
  }
  const component = text.charAt(sixteenth + 1)
  const segment = text.charAt(sixteenth + 2)
  if (component === '' || segment === '') return { ok: false, message: 'ISA header truncated: no ISA16 or segment terminator' }
  if (/[A-Za-z0-9]/.test(segment) || segment === element) {
    return { ok: false, message: `ISA segment terminator "${printable(segment)}" is not usable` }
  }
  const elements = text.slice(start + 4, sixteenth + 2).split(element)
  const version = elements[11] ?? ''
  const isa11 = elements[10] ?? ''
  const repetition =
    version >= '00501' && isa11.length === 1 && !/[A-Za-z0-9\s]/.test(isa11) && isa11 !== component && isa11 !== segment
      ? isa11
      : undefined
  const width = sixteenth + 3 - start
  return {
    ok: true,
    elements,
    delimiters: repetition === undefined ? { element, component, segment } : { element, component, repetition, segment },
    end: sixteenth + 3,
    ...(width !== ISA_WIDTH ? { warning: `ISA is ${width} characters wide, not ${ISA_WIDTH}: delimiters read by counting elements` } : {}),
  }
}

/** The components of a composite element (e.g. SV101 "HC:99213:25"). */
export function splitComponents(value: string, delimiters: Pick<X12InterchangeDelimiters, 'component'>): string[] {
  return value === '' ? [] : value.split(delimiters.component)
}

/** The repetitions of a repeating element; without a repetition separator (4010) the value is one. */
export function splitRepetitions(value: string, delimiters: Pick<X12InterchangeDelimiters, 'repetition'>): string[] {
  if (value === '') return []
  return delimiters.repetition === undefined ? [value] : value.split(delimiters.repetition)
}

/** Element n (1-based, as the X12 guides number them: CLM01 is element(clm, 1)); '' when absent. */
export function element(segment: X12Segment, n: number): string {
  return segment.elements[n - 1] ?? ''
}

function preview(raw: string): string {
  return printable(raw.length > 20 ? `${raw.slice(0, 20)}...` : raw)
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u00a0]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

// Element values. X12 numbers are decimal strings ("123.45", "-42.58", ".5"); money is kept in integer
// cents, converted from the digits so that no binary floating point is involved.
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/

/** "123.45" -> 12345; more than two decimals round half away from zero; undefined when not a number. */
export function parseX12Cents(value: string): number | undefined {
  const m = DECIMAL.exec(value.trim())
  if (!m) return undefined
  const [, sign = '', whole = '', fraction = ''] = m
  if (whole === '' && fraction === '') return undefined
  const padded = fraction.padEnd(3, '0')
  let cents = Number(whole || '0') * 100 + Number(padded.slice(0, 2))
  if (Number(padded.charAt(2)) >= 5) cents += 1
  if (!Number.isSafeInteger(cents)) return undefined
  return sign === '-' && cents !== 0 ? -cents : cents
}

/** A quantity (units, minutes): plain decimal, undefined when not a number. */
export function parseX12Number(value: string): number | undefined {
  const trimmed = value.trim()
  if (!DECIMAL.test(trimmed) || trimmed.replace(/[+\-.]/g, '') === '') return undefined
  return Number(trimmed)
}

/** CCYYMMDD (or the first date of a CCYYMMDD-CCYYMMDD range) -> YYYY-MM-DD; undefined when not a date. */
export function parseX12Date(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:-\d{8})?$/.exec(value.trim())
  if (!m) return undefined
  const [, y = '', mo = '', d = ''] = m
  const month = Number(mo)
  const day = Number(d)
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined
  return `${y}-${mo}-${d}`
}
