import { z } from 'zod'

/** A submission to a payer: the claim and where its sealed 837 is (the file itself holds PHI). */
export const PayerSubmission = z.object({
  payerId: z.string().min(1).max(80),
  claimId: z.string().min(1).max(38),
  fileKey: z.string().min(1).max(300),
})
export type PayerSubmission = z.infer<typeof PayerSubmission>

/** The payer's answer at the door; adjudication comes later, as an 835. */
export type PayerAnswer =
  | { ok: true; status: 'accepted' | 'already-received'; dueAt: string }
  | { ok: false; reason: 'malformed-837' | 'file-missing'; ack277ca: string }

/** The message a payer's remittance arrives by: the 835 stays in (sealed) storage, the queue carries its key. */
export const RemitMessage = z.object({
  step: z.literal('remit'),
  payerId: z.string().min(1).max(80),
  traceNumber: z.string().min(1).max(50),
  fileKey: z.string().min(1).max(300),
})
export type RemitMessage = z.infer<typeof RemitMessage>
