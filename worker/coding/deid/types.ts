/**
 * The kinds of HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) the de-identifier replaces. Each kind is
 * the stem of its token: `[NAME_1]`, `[DATE_2]`, `[AGE_90_PLUS_1]`.
 */
export type IdentifierKind =
  | 'NAME'
  | 'DATE'
  | 'AGE_90_PLUS'
  | 'PHONE'
  | 'EMAIL'
  | 'SSN'
  | 'MRN'
  | 'MEMBER_ID'
  | 'ACCOUNT'
  | 'LICENSE'
  | 'VEHICLE_ID'
  | 'DEVICE_ID'
  | 'URL'
  | 'IP'
  | 'ADDRESS'
  | 'CITY'
  | 'ZIP'
  | 'ID'

/** A stretch of the input a detector believes is an identifier: [start, end) in UTF-16 code units. */
export type Detection = { start: number; end: number; kind: IdentifierKind }

/** One replacement: where the value was in the input, and where its token is in the output. */
export type ReplacedSpan = {
  start: number
  end: number
  token: string
  kind: IdentifierKind
  outStart: number
  outEnd: number
}

/** Token -> the exact original text it replaced. Plain JSON; the caller seals it before storing. */
export type TokenMapping = Record<string, string>

export type Deidentified = { text: string; spans: ReplacedSpan[]; mapping: TokenMapping }
