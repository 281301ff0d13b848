// Words in titles that add no specificity a note must document: a title that differs from the query only
// by these is the right default ("Hypothyroidism, unspecified" for "hypothyroidism").
export const NEUTRAL: ReadonlySet<string> = new Set(['unspecified', 'without', 'with', 'other', 'specified', 'site', 'initial', 'encounter', 'elsewhere', 'classified', 'not', 'nec', 'type', 'uncomplicated', 'complication', 'primary', 'essential', 'acute', 'disorder', 'disease', 'condition', 'unilateral', 'closed', 'routine', 'healing'])

