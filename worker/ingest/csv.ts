/** One record of a CSV file and the physical line it starts on (1-based: the row a spreadsheet shows). */
export type CsvRecord = { line: number; fields: string[] }

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string }

/**
 * RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks; records end with
 * CRLF or LF (spreadsheets on every platform write one or the other). A leading byte-order mark is
 * dropped (Excel writes one on "CSV UTF-8"), and blank lines, including rows of empty cells, are
 * skipped because spreadsheets leave them behind.
 */
export function readCsv(text: string): CsvReadResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  // True just after a quoted field closes: only a comma or a line break may follow.
  let afterQuote = false
  let line = 1
  let recordLine = 1
  let i = 0

  const endRecord = () => {
    fields.push(field)
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields })
    fields = []
    field = ''
    afterQuote = false
  }

  while (i < src.length) {
    const ch = src[i]
    if (afterQuote && ch !== ',' && ch !== '\r' && ch !== '\n') {
      return { ok: false, line, message: 'unexpected text after a closing quote (a quote inside a field is written twice: "")' }
    }
    if (ch === '"') {
      if (field !== '') {
        return { ok: false, line, message: 'a quote in the middle of a field: put the whole field in quotes and write the quote twice ("")' }
      }
      const openedOn = line
      i++
      for (;;) {
        const q = src[i]
        if (q === undefined) return { ok: false, line: openedOn, message: 'a quoted field is never closed (missing ")' }
        i++
        if (q === '"') {
          if (src[i] !== '"') break
          i++
        } else if (q === '\n') {
          line++
        }
        field += q
      }
      afterQuote = true
      continue
    }
    if (ch === ',') {
      fields.push(field)
      field = ''
      afterQuote = false
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1
      endRecord()
      line++
      recordLine = line
      continue
    }
    field += ch
    i++
  }
  if (field !== '' || fields.length > 0 || afterQuote) endRecord()
  return { ok: true, records }
}

/** Writes RFC 4180 CSV with CRLF line ends, quoting only the fields that need it. */
export function writeCsv(rows: string[][]): string {
  return rows.map((row) => row.map(quoteField).join(',') + '\r\n').join('')
}

function quoteField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
