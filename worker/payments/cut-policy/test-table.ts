/** A two-version table for tests: tiers and bands as an admin would publish them. */
export const TABLE = {
  versions: [
    {
      version: '2026-01',
      effectiveFrom: '2026-01-01',
      defaultCutBps: 500,
      volumeTiers: [
        { minClaims: 0, maxClaims: 49, adjustBps: 0 },
        { minClaims: 50, maxClaims: 199, adjustBps: -25 },
        { minClaims: 200, maxClaims: null, adjustBps: -50 },
      ],
      riskBands: [
        { minScore: 0, maxScore: 80, adjustBps: 200 },
        { minScore: 81, maxScore: 85, adjustBps: 100 },
        { minScore: 86, maxScore: 94, adjustBps: 0 },
        { minScore: 95, maxScore: 100, adjustBps: -50 },
      ],
    },
    {
      version: '2026-07',
      effectiveFrom: '2026-07-01',
      defaultCutBps: 450,
      minCutBps: 300,
      maxCutBps: 900,
      volumeTiers: [{ minClaims: 0, maxClaims: null, adjustBps: 0 }],
      riskBands: [
        { minScore: 0, maxScore: 85, adjustBps: 600 },
        { minScore: 86, maxScore: 100, adjustBps: -300 },
      ],
    },
  ],
}
