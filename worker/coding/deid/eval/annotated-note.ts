import type { DeidContext } from '../context'
import type { IdentifierKind } from '../types'

/** Where an identifier really is in a generated note: the answer the de-identifier is scored against. */
export type GoldSpan = {
  start: number
  end: number
  kind: IdentifierKind
  cue: 'cued' | 'uncued'
  /** Sentences written after the detectors were tuned and never adjusted to them: an honest recall. */
  phrasing: 'tuned' | 'held-out'
}

export type AnnotatedNote = { text: string; gold: GoldSpan[]; context: DeidContext | undefined }

/** Builds a note piece by piece, recording the position of each identifier as it is written. */
export class NoteBuilder {
  private readonly parts: string[] = []
  private length = 0
  readonly gold: GoldSpan[] = []
  phrasing: GoldSpan['phrasing'] = 'tuned'

  text(piece: string): this {
    this.parts.push(piece)
    this.length += piece.length
    return this
  }

  phi(value: string, kind: IdentifierKind, cue: GoldSpan['cue'] = 'cued'): this {
    this.gold.push({ start: this.length, end: this.length + value.length, kind, cue, phrasing: this.phrasing })
    return this.text(value)
  }

  /** Appends text that already contains identifiers at known offsets (relative to the piece). */
  annotated(piece: string, spans: readonly Pick<GoldSpan, 'start' | 'end' | 'kind'>[]): this {
    for (const s of spans) this.gold.push({ start: this.length + s.start, end: this.length + s.end, kind: s.kind, cue: 'cued', phrasing: this.phrasing })
    return this.text(piece)
  }

  build(): string {
    return this.parts.join('')
  }
}
