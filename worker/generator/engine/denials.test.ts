import { describe, expect, it } from 'vitest'
import { PAYER_PROFILES } from './payers'
import { defineScenario } from './scenario'
import { historyOf } from './test-fixtures'

describe('pattern injector', () => {
  it('injects a pattern at its configured frequency among the claims it applies to (0.10, 0.25, 0.50)', () => {
    const multiplier = new Map(PAYER_PROFILES.map((p) => [p.payer.id, p.denialMultiplier]))
    for (const frequency of [0.1, 0.25, 0.5]) {
      const scenario = defineScenario(`mod25-${frequency}`, { patterns: { 'missing-modifier-25': { frequency } } })
      const records = historyOf('orthopedics', 40, { scenario })
      const eligible = records.filter((r) => r.note.truth.procedures[0]!.modifiers.includes('25') && r.trace.pattern !== 'duplicate')
      const observed = eligible.filter((r) => r.trace.pattern === 'missing-modifier-25').length / eligible.length
      // Patterns earlier in the draw order are tried first, so the expected share is the configured one
      // times the payer's multiplier; the tolerance covers sampling (n ~ 6,000) and that ordering.
      const expected = eligible.reduce((s, r) => s + Math.min(1, frequency * multiplier.get(r.claim.payer.id)!), 0) / eligible.length
      expect(Math.abs(observed - expected), `${frequency}: ${observed} vs ${expected}`).toBeLessThan(0.03)
    }
  })

  it('removes modifier 25 from the claim but keeps it in the note\u2019s ground truth', () => {
    const scenario = defineScenario('mod25', { patterns: { 'missing-modifier-25': { frequency: 0.5 } } })
    const records = historyOf('dermatology', 20, { scenario }).filter((r) => r.trace.pattern === 'missing-modifier-25')
    expect(records.length).toBeGreaterThan(100)
    for (const r of records) {
      expect(r.claim.lines[0]!.modifiers).not.toContain('25')
      expect(r.note.truth.procedures[0]!.modifiers).toContain('25')
    }
  })

  it('gives each payer its own first-pass denial rate', () => {
    const records = historyOf('cardiology', 80)
    const rates = PAYER_PROFILES.map((p) => {
      const mine = records.filter((r) => r.claim.payer.id === p.payer.id)
      return mine.filter((r) => r.outcome.denial).length / mine.length
    })
    expect(new Set(rates.map((r) => r.toFixed(3))).size).toBe(PAYER_PROFILES.length)
    expect(records.filter((r) => r.trace.pattern === 'prior-auth-required' && r.claim.payer.id === '12502')).toHaveLength(0)
  })
})
