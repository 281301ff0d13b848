// Text flowing down US Letter pages in pdf-lib's standard fonts: no font file to ship, and the same
// bytes in a Worker as in Node.
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { PDFFont, PDFPage } from 'pdf-lib'

export const PAGE = { width: 612, height: 792, margin: 54 } as const
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin
/** How far below the text area each page's "Page n of m" sits. */
const FOOTER = 18

export type TextStyle = { font: PDFFont; size: number }
export type PdfFonts = { regular: PDFFont; bold: PDFFont }
export type PdfMetadata = { title: string; subject: string; author: string; createdOn: string }

/** Fixed, where pdf-lib would stamp its own name: a file's bytes depend on the record alone. */
export const PDF_PRODUCER = 'ClaimPay synthetic data generator'

/** `updateMetadata: false` keeps pdf-lib from writing the current time into the file when it saves. */
export async function createDocument(meta: PdfMetadata): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const at = new Date(`${meta.createdOn}T12:00:00Z`)
  doc.setTitle(meta.title)
  doc.setSubject(meta.subject)
  doc.setAuthor(meta.author)
  doc.setProducer(PDF_PRODUCER)
  doc.setCreator(PDF_PRODUCER)
  doc.setCreationDate(at)
  doc.setModificationDate(at)
  return { doc, fonts: { regular: doc.embedStandardFont(StandardFonts.Helvetica), bold: doc.embedStandardFont(StandardFonts.HelveticaBold) } }
}

/** Numbers the pages, then writes the file. */
export function saveDocument(doc: PDFDocument, fonts: PdfFonts): Promise<Uint8Array> {
  const pages = doc.getPages()
  const style = { font: fonts.regular, size: 8 }
  pages.forEach((page, i) => {
    const label = `Page ${i + 1} of ${pages.length}`
    page.drawText(label, { ...style, x: PAGE.width - PAGE.margin - style.font.widthOfTextAtSize(label, style.size), y: PAGE.margin - FOOTER })
  })
  // Object streams would pack every object into one compressed stream; plain objects keep the file
  // open to the simpler PDF readers some practice systems use.
  return doc.save({ useObjectStreams: false, addDefaultPage: false })
}

const supported = new WeakMap<PDFFont, ReadonlySet<number>>()

/**
 * The text as the font can encode it: standard fonts speak WinAnsi (Latin-1 and a few more), and
 * pdf-lib throws on anything else. Accented letters lose their accents, the rest becomes '?'.
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  let set = supported.get(font)
  if (!set) supported.set(font, (set = new Set(font.getCharacterSet())))
  let out = ''
  for (const char of text.replace(/\t/g, '    ').replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0)!
    if (set.has(code) || char === '\n') {
      out += char
      continue
    }
    const bare = [...char.normalize('NFKD')].filter((c) => set.has(c.codePointAt(0)!)).join('')
    out += bare === '' ? '?' : bare
  }
  return out
}

/** Lines no wider than `width`; a newline starts a new line, a word too long for one line is cut. */
export function wrapText(text: string, style: TextStyle, width: number): string[] {
  const fits = (s: string) => style.font.widthOfTextAtSize(s, style.size) <= width
  const lines: string[] = []
  for (const paragraph of winAnsiSafe(text, style.font).split('\n')) {
    let line = ''
    for (let word of paragraph.split(' ').filter((w) => w !== '')) {
      const joined = line === '' ? word : `${line} ${word}`
      if (fits(joined)) {
        line = joined
        continue
      }
      if (line !== '') lines.push(line)
      while (!fits(word)) {
        let cut = word.length - 1
        while (cut > 1 && !fits(word.slice(0, cut))) cut--
        lines.push(word.slice(0, cut))
        word = word.slice(cut)
      }
      line = word
    }
    lines.push(line)
  }
  return lines
}

export const leading = (style: TextStyle) => style.size * 1.3

/** A cursor down the pages of a document, adding a page when the next block would not fit. */
export class PageFlow {
  page: PDFPage
  y = 0

  constructor(private readonly doc: PDFDocument) {
    this.page = this.newPage()
  }

  /** Room for `height` points on this page, or a new page. */
  ensure(height: number): void {
    if (this.y - height < PAGE.margin) this.page = this.newPage()
  }

  skip(height: number): void {
    this.y -= height
  }

  /** One line at `x` on the current line's baseline, without moving down. */
  put(text: string, style: TextStyle, x: number = PAGE.margin): void {
    this.page.drawText(winAnsiSafe(text, style.font), { ...style, x, y: this.y - style.size })
  }

  /** Wrapped text, moving down past it; a block that starts near the foot of a page continues on the next. */
  write(text: string, style: TextStyle, x: number = PAGE.margin, width: number = PAGE.width - PAGE.margin - x): void {
    for (const line of wrapText(text, style, width)) {
      this.ensure(leading(style))
      if (line !== '') this.page.drawText(line, { ...style, x, y: this.y - style.size })
      this.y -= leading(style)
    }
  }

  rule(): void {
    this.ensure(6)
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y - 3 }, end: { x: PAGE.width - PAGE.margin, y: this.y - 3 }, thickness: 0.5 })
    this.y -= 6
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - PAGE.margin
    return page
  }
}
