import { and, count, eq } from 'drizzle-orm'
import { type ClaimStatus, RESTING_STATUSES, type Upload, type UploadProgress } from '../contracts'
import { openDb, schema } from '../db'
import { newId } from '../ids'

const { uploads, auditLog, claims } = schema

export type UploadRecord = typeof uploads.$inferSelect

export function toUploadContract(u: UploadRecord): Upload {
  return { id: u.id, filename: u.filename, byteSize: u.byteSize, sha256: u.sha256, status: u.status, claimCount: u.claimCount, createdAt: u.createdAt }
}

/** Uploads are scoped by provider like claims; (provider, sha256) is unique, so a file is taken once. */
export function createD1UploadStore(d1: D1Database) {
  const db = openDb(d1)
  return {
    find: (providerId: string, id: string) =>
      db.query.uploads.findFirst({ where: and(eq(uploads.providerId, providerId), eq(uploads.id, id)) }),
    findBySha256: (providerId: string, sha256: string) =>
      db.query.uploads.findFirst({ where: and(eq(uploads.providerId, providerId), eq(uploads.sha256, sha256)) }),
    /** The upload row and its audit row, in one transaction. */
    async insert(upload: Omit<UploadRecord, 'status'>, actor: string): Promise<void> {
      await db.batch([
        db.insert(uploads).values({ ...upload, status: 'received' }),
        db.insert(auditLog).values({
          id: newId('aud'),
          providerId: upload.providerId,
          actor,
          action: 'upload.received',
          subjectType: 'upload',
          subjectId: upload.id,
          detail: { byteSize: upload.byteSize, claimCount: upload.claimCount },
          at: upload.createdAt,
        }),
      ])
    },
    /** One grouped query over the upload's claims (served by the (upload_id, upload_row) index). */
    async progress(providerId: string, id: string): Promise<UploadProgress> {
      const rows = await db
        .select({ status: claims.status, n: count() })
        .from(claims)
        .where(and(eq(claims.providerId, providerId), eq(claims.uploadId, id)))
        .groupBy(claims.status)
      const byStatus: Partial<Record<ClaimStatus, number>> = {}
      for (const row of rows) byStatus[row.status] = row.n
      const created = rows.reduce((sum, r) => sum + r.n, 0)
      const settled = RESTING_STATUSES.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0)
      return { created, byStatus, settled }
    },
    async markFannedOut(providerId: string, id: string): Promise<void> {
      await db.update(uploads).set({ status: 'fanned_out' }).where(and(eq(uploads.providerId, providerId), eq(uploads.id, id)))
    },
    async markFailed(providerId: string, id: string): Promise<void> {
      await db.update(uploads).set({ status: 'failed' }).where(and(eq(uploads.providerId, providerId), eq(uploads.id, id)))
    },
  }
}
export type UploadStore = ReturnType<typeof createD1UploadStore>
