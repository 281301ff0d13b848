import type { CutOverride } from './cut-for'

/**
 * A provider's stored cut_bps as an override of the rules. Every provider row has a cut_bps (signup
 * writes the configured default), so the default itself cannot mean "negotiated": a provider at the
 * default follows the table's defaultCutBps, and any other rate is the provider's base that the volume
 * and risk rules still adjust. The cost: a rate negotiated at exactly the default is not told apart.
 */
export function providerOverride(providerCutBps: number | undefined, defaultCutBps: number): CutOverride | null {
  if (providerCutBps === undefined || providerCutBps === defaultCutBps) return null
  return { kind: 'base', cutBps: providerCutBps }
}
