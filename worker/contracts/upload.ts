import { z } from 'zod'

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
