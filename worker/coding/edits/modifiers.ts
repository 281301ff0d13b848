/**
 * Modifiers that let a procedure-to-procedure pair with indicator 1 be paid: anatomic, global surgery,
 * and the distinct-service ones (NCCI Policy Manual, chapter I, section E). 25 and 57 count only on the
 * E/M line of the pair; the rest on either line, as Medicare's claims processing accepts them.
 */
export const NCCI_ASSOCIATED_MODIFIERS: ReadonlySet<string> = new Set([
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'LC', 'LD', 'LM', 'LT', 'RC', 'RI', 'RT', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9',
  '24', '25', '27', '57', '58', '59', '78', '79', '91', 'XE', 'XP', 'XS', 'XU',
])

/**
 * A separate E/M on the day of a procedure: 25 (significant, separately identifiable) or 57 (decision for
 * surgery). Only meaningful on the E/M line.
 */
export const SEPARATE_EM_MODIFIERS: ReadonlySet<string> = new Set(['25', '57'])

/** Repeat procedure or test: the same code twice on one day is intended, not a duplicate. */
export const REPEAT_MODIFIERS: ReadonlySet<string> = new Set(['76', '77', '91'])

/**
 * KX on a sex-specific service tells Medicare it is right for this patient (gender-affirming care,
 * intersex patients): the sex edits stand down for such lines rather than deny care.
 */
export const SEX_EDIT_OVERRIDE_MODIFIER = 'KX'

export const hasAny = (modifiers: readonly string[], set: ReadonlySet<string>) => modifiers.some((m) => set.has(m.toUpperCase()))
