/**
 * What a parser made of a reference file: the rows it understood and, for the rest, where and why. A
 * malformed row is a value, not an exception, so one bad row in a 1.5-million-row CMS file costs that row.
 */
export type ParsedFile<Row> = { rows: Row[]; skipped: SkippedRecord[] }

/** `record` is 1-based: a line for tab-separated files, a CSV record (which may span lines) for CSV. */
export type SkippedRecord = { record: number; reason: string }

/** CPT, HCPCS Level II and the CMS-only shapes the edit files carry (0001A, 0591T, 0002M...). */
export const CMS_CODE = /^[0-9A-Z]{5}$/
