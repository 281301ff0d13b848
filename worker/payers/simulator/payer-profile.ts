import { PAYER_PROFILES, type PayerProfile } from '../../generator/engine/payers'

/**
 * The profile a payer id adjudicates with: its own when the engine knows the payer, otherwise a
 * typical commercial payer under that id, so that any payer a provider bills still answers.
 */
export function payerProfileFor(payerId: string, payerName?: string): PayerProfile {
  const known = PAYER_PROFILES.find((p) => p.payer.id === payerId)
  if (known) return known
  const typical = PAYER_PROFILES.find((p) => p.kind === 'commercial')!
  return { ...typical, payer: { id: payerId, name: payerName ?? payerId } }
}
