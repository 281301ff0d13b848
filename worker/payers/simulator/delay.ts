import type { PayerProfile } from '../../generator/engine/payers'

const DAY_MS = 86_400_000

/**
 * Real milliseconds until the payer answers: its modal days to payment, divided by the time scale
 * (86400 runs a simulated day per real second, so a local run finishes; 1 is real time).
 */
export function adjudicationDelayMs(payer: PayerProfile, timeScale: number): number {
  const scale = Number.isFinite(timeScale) && timeScale >= 1 ? timeScale : 1
  return Math.ceil((payer.daysToPayment.mode * DAY_MS) / scale)
}
