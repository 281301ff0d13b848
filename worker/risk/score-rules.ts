/**
 * The rules of the interim rule score, with the points each one takes off a starting score of 100.
 * Exported whole so the dashboard and the README can show providers exactly how a score is made.
 * Each rule counts once per claim, however many lines trip it, so the score stays easy to explain.
 */
export const SCORE_RULES = {
  filingLate90: {
    code: 'timely-filing-risk',
    points: 25,
    summary: 'Submitted more than 90 days after the date of service: past many commercial payers\u2019 filing limit (denial CO-29).',
  },
  filingLate365: {
    code: 'timely-filing-expired',
    points: 40,
    summary: 'Submitted more than 365 days after the date of service: past Medicare\u2019s one-year filing limit. Counts on top of the 90-day rule.',
  },
  emWithoutModifier25: {
    code: 'em-without-modifier-25',
    points: 15,
    summary: 'An office visit (99202-99215) billed with a procedure, injection or immunization on the same claim, without modifier 25 on the visit: payers bundle the visit into the procedure (denial CO-97).',
  },
  unitsAboveCap: {
    code: 'units-above-cap',
    points: 10,
    summary: 'A line bills more units than a simple cap: 1 for an office visit, 10 for anything else (a stand-in for the CMS MUE tables).',
  },
  highLineCharge: {
    code: 'high-line-charge',
    points: 10,
    summary: 'A single line charges more than $5,000.00: unusual for office-based care and often reviewed.',
  },
  manyLines: {
    code: 'many-lines',
    points: 10,
    summary: 'More than 12 service lines on one claim: payers split or review long claims.',
  },
  unusualDailyVolume: {
    code: 'unusual-daily-volume',
    points: 5,
    summary: 'The provider has sent more than 200 claims today: a spike worth a second look.',
  },
} as const

export type ScoreRule = (typeof SCORE_RULES)[keyof typeof SCORE_RULES]

export const SCORE_RULE_LIST: readonly ScoreRule[] = Object.values(SCORE_RULES)

export const RULE_LIMITS = {
  filingDaysRisk: 90,
  filingDaysExpired: 365,
  evaluationUnitsCap: 1,
  lineUnitsCap: 10,
  lineChargeCents: 500_000,
  maxLines: 12,
  dailyClaims: 200,
} as const
