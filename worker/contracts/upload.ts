import { z } from 'zod'
import { ClaimStatus } from './claim-status'

/**
 * Claims one file may hold. One queue invocation fans a file out, and Workers cap the subrequests of
 * one invocation: at 25 claims per D1 batch this keeps a fan-out near 650 of them.
 */
export const MAX_CLAIMS_PER_UPLOAD = 5000

export const UPLOAD_STATUSES = ['received', 'fanned_out', 'failed'] as const
export const UploadStatus = z.enum(UPLOAD_STATUSES)

export const Upload = z.object({
  id: z.string(),
  filename: z.string(),
  byteSize: z.int(),
  sha256: z.string(),
  status: UploadStatus,
  claimCount: z.int(),
  createdAt: z.string(),
})
export type Upload = z.infer<typeof Upload>

/** How far an upload's claims have got: created by the fan-out so far, and where each one is now. */
export const UploadProgress = z.object({
  created: z.int(),
  byStatus: z.partialRecord(ClaimStatus, z.int()),
  /** Claims that reached a status the pipeline hands on (submitted to the payer, or rejected). */
  settled: z.int(),
})
export type UploadProgress = z.infer<typeof UploadProgress>

export const UploadWithProgress = Upload.extend({ progress: UploadProgress })
export type UploadWithProgress = z.infer<typeof UploadWithProgress>
