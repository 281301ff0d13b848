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

export const NotificationMessage = z.object({
  step: z.literal('notify'),
  kind: z.enum(['claim.rejected', 'claim.paid']),
  ...claimRef,
})
export type NotificationMessage = z.infer<typeof NotificationMessage>
