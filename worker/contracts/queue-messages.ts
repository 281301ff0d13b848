import { z } from 'zod'

const claimRef = { claimId: z.string().startsWith('clm_'), providerId: z.string().startsWith('prv_') }

/** Every message names a claim (or an upload) and the step it asks for. */
export const IngestMessage = z.discriminatedUnion('step', [
  z.object({ step: z.literal('fan-out'), uploadId: z.string().startsWith('upl_'), providerId: claimRef.providerId }),
  z.object({ step: z.literal('parse'), ...claimRef }),
])
export type IngestMessage = z.infer<typeof IngestMessage>

export const CodeMessage = z.object({ step: z.literal('code'), ...claimRef })
export const ScoreMessage = z.object({ step: z.literal('score'), ...claimRef })
export const PayMessage = z.object({ step: z.literal('pay'), ...claimRef })
export const SubmitMessage = z.object({ step: z.literal('submit'), ...claimRef })
export type CodeMessage = z.infer<typeof CodeMessage>
export type ScoreMessage = z.infer<typeof ScoreMessage>
export type PayMessage = z.infer<typeof PayMessage>
export type SubmitMessage = z.infer<typeof SubmitMessage>

export const ClaimNotificationMessage = z.object({
  step: z.literal('notify'),
  kind: z.enum(['claim.rejected', 'claim.paid']),
  ...claimRef,
})
export type ClaimNotificationMessage = z.infer<typeof ClaimNotificationMessage>

/** An email waiting in the outbox: the message names it; the sealed body stays in D1. */
export const EmailMessage = z.object({ step: z.literal('email'), outboxId: z.string().startsWith('eml_') })
export type EmailMessage = z.infer<typeof EmailMessage>

export const NotificationMessage = z.discriminatedUnion('step', [ClaimNotificationMessage, EmailMessage])
export type NotificationMessage = z.infer<typeof NotificationMessage>
