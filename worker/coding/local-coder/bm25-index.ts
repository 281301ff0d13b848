/**
 * Okapi BM25 over short documents (code descriptions). Postings are packed into typed arrays after the
 * build: about 700k postings for the ICD-10-CM titles, a few MB, well inside an isolate's 128 MB.
 */
export type Bm25Hit = { doc: number; score: number }

export class Bm25Index {
  private readonly termIds = new Map<string, number>()
  private readonly termList: string[] = []
  private readonly docStarts: Int32Array
  private readonly docTermIds: Int32Array
  private readonly offsets: Int32Array
  private readonly postings: Int32Array
  private readonly idfs: Float64Array
  private readonly lengths: Float64Array
  private readonly averageLength: number
  private readonly scores: Float64Array

  constructor(docs: readonly (readonly string[])[], private readonly k1 = 1.2, private readonly b = 0.75) {
    const counts: number[] = []
    this.docStarts = new Int32Array(docs.length + 1)
    docs.forEach((doc, d) => (this.docStarts[d + 1] = this.docStarts[d]! + doc.length))
    // Titles are kept as term ids, not strings: 72k small arrays of strings cost ten times more heap.
    this.docTermIds = new Int32Array(this.docStarts[docs.length]!)
    docs.forEach((doc, d) => {
      doc.forEach((term, k) => {
        let id = this.termIds.get(term)
        if (id === undefined) {
          this.termIds.set(term, (id = counts.push(0) - 1))
          this.termList.push(term)
        }
        this.docTermIds[this.docStarts[d]! + k] = id
      })
      for (const term of new Set(doc)) counts[this.termIds.get(term)!]!++
    })
    this.offsets = new Int32Array(counts.length + 1)
    for (let i = 0; i < counts.length; i++) this.offsets[i + 1] = this.offsets[i]! + counts[i]!
    this.postings = new Int32Array(this.offsets[counts.length]!)
    const fill = Int32Array.from(this.offsets.subarray(0, counts.length))
    this.lengths = new Float64Array(docs.length)
    let total = 0
    docs.forEach((doc, d) => {
      this.lengths[d] = doc.length
      total += doc.length
      for (const term of new Set(doc)) this.postings[fill[this.termIds.get(term)!]!++] = d
    })
    this.averageLength = total / Math.max(1, docs.length)
    this.idfs = Float64Array.from(counts, (n) => Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)))
    this.scores = new Float64Array(docs.length)
  }

  /** Inverse document frequency of a term; terms never seen weigh like the rarest. */
  idf(term: string): number {
    const id = this.termIds.get(term)
    return id === undefined ? Math.log(1 + this.lengths.length) : this.idfs[id]!
  }

  /** The words of one document, in order. */
  docTerms(doc: number): string[] {
    const out: string[] = []
    for (let p = this.docStarts[doc]!; p < this.docStarts[doc + 1]!; p++) out.push(this.termList[this.docTermIds[p]!]!)
    return out
  }

  /** Documents containing a term. */
  docsWith(term: string): Int32Array {
    const id = this.termIds.get(term)
    return id === undefined ? new Int32Array(0) : this.postings.subarray(this.offsets[id]!, this.offsets[id + 1]!)
  }

  /**
   * The best `limit` documents for the query terms (each term counted once; titles rarely repeat words).
   * With `seeds`, only documents holding a seed term are candidates; the other terms still add to their
   * scores. Common words then cost a pass over their postings but never a sort of thousands of hits.
   */
  search(query: readonly string[], limit: number, seeds: readonly string[] = query): Bm25Hit[] {
    const touched: number[] = []
    const seedSet = new Set(seeds)
    const add = (term: string, open: boolean) => {
      const id = this.termIds.get(term)
      if (id === undefined) return
      const idf = this.idfs[id]!
      for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) {
        const d = this.postings[p]!
        if (this.scores[d] === 0) {
          if (!open) continue
          touched.push(d)
        }
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[d]!) / this.averageLength)
        this.scores[d]! += (idf * (this.k1 + 1)) / (1 + norm)
      }
    }
    for (const term of seedSet) add(term, true)
    for (const term of new Set(query)) if (!seedSet.has(term)) add(term, false)
    const hits = touched.map((doc) => ({ doc, score: this.scores[doc]! }))
    for (const d of touched) this.scores[d] = 0
    hits.sort((x, y) => y.score - x.score || x.doc - y.doc)
    return hits.slice(0, limit)
  }
}
