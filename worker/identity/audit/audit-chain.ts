/**
 * A hash chain over the audit log, so that editing, deleting or reordering sealed rows is detectable.
 * Rows are appended unsealed (writers never contend for the chain head) and a single sealer later
 * assigns `seq` and `hash` in order: hash(n) = SHA-256(hash(n-1), n, row n).
 *
 * The chain proves the rows agree with each other, not that none were cut off the end or that the whole
 * tail was rewritten: compare the head verifyChain returns with a head kept outside the table (the
 * sealer's last published head) to catch those.
 */

export type AuditRecord = {
  id: string
  at: string
  actor: string
  action: string
  subjectType: string
  subjectId: string
  providerId: string | null
  detail: Record<string, unknown> | null
}

export type ChainHead = { seq: number; hash: string }
export type SealedAuditRecord = AuditRecord & { seq: number; prevHash: string; hash: string }
export type ChainBreak = 'gap' | 'prev-mismatch' | 'hash-mismatch'
export type ChainVerification = { ok: true; checked: number; head: ChainHead } | { ok: false; brokenAtSeq: number; reason: ChainBreak }

export const GENESIS_HASH = '0'.repeat(64)
/** The head before the first row: the first sealed row gets seq 1 and prevHash GENESIS_HASH. */
export const GENESIS_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH }

const utf8 = new TextEncoder()

/**
 * Deterministic JSON of exactly the audited fields, keys sorted at every depth. `detail` goes through a
 * JSON round trip first because it is stored as JSON text: the hash must come out the same whether it is
 * computed from the object the writer held or from the row read back (undefined dropped, toJSON applied,
 * NaN as null). `at` is hashed as the string stored, so writers must store one fixed format.
 */
export function canonicalAuditRow(row: AuditRecord): string {
  const record = auditRecordOf(row)
  return canonicalJson({ ...record, detail: record.detail == null ? null : JSON.parse(JSON.stringify(record.detail)) })
}

/** Exactly the audited fields of a row (a stored row has more: seq and the hashes). */
export function auditRecordOf(row: AuditRecord): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    providerId: row.providerId ?? null,
    detail: row.detail ?? null,
  }
}

export async function chainHash(prevHash: string, seq: number, row: AuditRecord): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(`${prevHash}\n${seq}\n${canonicalAuditRow(row)}`))
  let hex = ''
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0')
  return hex
}

/** Seals rows in the order given, continuing from `head` (GENESIS_HEAD for an empty log). */
export async function sealRows(head: ChainHead, rows: AuditRecord[]): Promise<{ id: string; seq: number; prevHash: string; hash: string }[]> {
  const sealed: { id: string; seq: number; prevHash: string; hash: string }[] = []
  let prev = head
  for (const row of rows) {
    const seq = prev.seq + 1
    const hash = await chainHash(prev.hash, seq, row)
    sealed.push({ id: row.id, seq, prevHash: prev.hash, hash })
    prev = { seq, hash }
  }
  return sealed
}

/**
 * Checks rows in the order given (read them `ORDER BY seq`), from `startAfter` (a head verified before,
 * so a large log can be checked in pages) or from the genesis. A `gap` is a seq that is not the next
 * number: a deleted row, or rows out of order; `brokenAtSeq` is then the seq that was expected.
 */
export async function verifyChain(rows: SealedAuditRecord[], startAfter: ChainHead = GENESIS_HEAD): Promise<ChainVerification> {
  let prev = startAfter
  for (const row of rows) {
    const expected = prev.seq + 1
    if (row.seq !== expected) return { ok: false, brokenAtSeq: expected, reason: 'gap' }
    if (row.prevHash !== prev.hash) return { ok: false, brokenAtSeq: row.seq, reason: 'prev-mismatch' }
    if (row.hash !== (await chainHash(prev.hash, row.seq, row))) return { ok: false, brokenAtSeq: row.seq, reason: 'hash-mismatch' }
    prev = { seq: row.seq, hash: row.hash }
  }
  return { ok: true, checked: rows.length, head: prev }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    // Built as text, not as a sorted object, so a `__proto__` key in detail stays an ordinary key.
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(value)
}
