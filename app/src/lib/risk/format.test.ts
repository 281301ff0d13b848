import { describe, expect, it } from 'vitest'
import { formatCount, formatGain, formatPercent, formatScore, versionLabel } from './format'

describe('model figures', () => {
  it('shows AUC and losses to three decimals', () => {
    expect(formatScore(0.81234)).toBe('0.812')
    expect(formatScore(0.5)).toBe('0.500')
    expect(formatScore(0.12345, 4)).toBe('0.1235')
  })

  it('shows shares as percentages with one decimal', () => {
    expect(formatPercent(0.8234)).toBe('82.3%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(0.00049, 2)).toBe('0.05%')
  })

  it('shows a dash for a figure that could not be computed, never a zero', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatScore(value)).toBe('—')
      expect(formatPercent(value)).toBe('—')
      expect(formatCount(value)).toBe('—')
    }
    expect(formatGain(Number.NaN)).toBe('—')
  })

  it('groups counts and keeps four significant digits of gain', () => {
    expect(formatCount(12345)).toBe('12,345')
    expect(formatGain(1234.5678)).toBe('1,235')
    expect(formatGain(0.012345)).toBe('0.01235')
    expect(versionLabel(3)).toBe('v3')
  })
})
