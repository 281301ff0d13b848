import { z } from 'zod'
import { ApiKey, OutboxEmail, Partner } from '$contracts/identity'

// Answers of identity routes that worker/contracts/identity.ts does not name (yet): list envelopes and
// one-field acknowledgements, built from the shared item contracts.

export const SignupAccepted = z.object({ message: z.string() })
export const EmailVerified = z.object({ verified: z.literal(true) })
export const ApiKeyList = z.object({ items: z.array(ApiKey) })
export const AdminMe = z.object({ email: z.string() })
export const PartnerList = z.object({ items: z.array(Partner) })
export const OutboxList = z.object({ items: z.array(OutboxEmail) })
