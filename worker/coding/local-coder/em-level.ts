/**
 * Office E/M level under the 2021 AMA guidelines: by total time on the date of the encounter when it is
 * documented, otherwise by medical decision making (two of three elements: problems, data, risk).
 */
export type EmSelection = { code: string; basis: 'time' | 'mdm'; minutes: number | null; start: number; end: number; confidence: number }

const NEW_THRESHOLDS: readonly [number, string][] = [[60, '99205'], [45, '99204'], [30, '99203'], [15, '99202']]
const ESTABLISHED_THRESHOLDS: readonly [number, string][] = [[40, '99215'], [30, '99214'], [20, '99213'], [10, '99212']]
const NEW_BY_MDM = ['99202', '99203', '99204', '99205']
const ESTABLISHED_BY_MDM = ['99212', '99213', '99214', '99215']

const TIME_PATTERNS: readonly RegExp[] = [
  /\btotal time[^.\n\d]{0,60}?(\d{1,3})\s*(?:minutes|mins?)\b/i,
  /\bspent (?:a total of )?(\d{1,3})\s*(?:minutes|mins?)\b/i,
  /\btime:?\s*(\d{1,3})\s*(?:minutes|mins?)\b/i,
  /\b(\d{1,3})\s*(?:minutes|mins?)\s+(?:total|in total|of total|face[- ]to[- ]face|with the patient|spent)\b/i,
]

/** Total time documented for the visit, with its span. */
export function documentedMinutes(text: string): { minutes: number; start: number; end: number } | null {
  for (const pattern of TIME_PATTERNS) {
    const match = pattern.exec(text)
    if (match) return { minutes: Number(match[1]), start: match.index, end: match.index + match[0].length }
  }
  return null
}

/** New patients are billed 9920x; a note that never says so is an established patient's visit. */
export function isNewPatient(text: string): boolean {
  return /\bnew patient\b|\bnew to (?:the )?(?:clinic|practice|me)\b|\binitial (?:visit|consultation)\b|\bestablish(?:ing)? care\b/i.test(text) && !/\bestablished patient\b/i.test(text)
}

export type MdmInputs = { diagnoses: number; chronicWorse: boolean; tests: number }

/** 0 straightforward .. 3 high for each element; the level is the middle one (two of three met). */
export function mdmLevel(text: string, inputs: MdmInputs): number {
  const problems = inputs.chronicWorse || inputs.diagnoses >= 3 ? 2 : inputs.diagnoses >= 1 ? 1 : 0
  const highRisk = /\b(?:admit|hospitali[sz]|emergency surgery|ICU|DNR|escalat\w* of care)\b/i.test(text)
  const rxRisk = /\b(?:start(?:ed)?|continue|increase|decrease|titrate|prescri\w+|refill|rx)\b[^.\n]{0,40}\b(?:\d+\s*mg|mcg|tablets?|daily|bid|tid|qd|inhaler)\b|\b\d+\s*mg\b/i.test(text)
  const otcRisk = /\b(?:otc|over the counter|ibuprofen|acetaminophen|tylenol|advil|antihistamine)\b/i.test(text)
  const risk = highRisk ? 3 : rxRisk ? 2 : otcRisk ? 1 : 0
  const data = /\bindependent(?:ly)? interpret|\bdiscussed with (?:dr|radiolog|cardiolog)/i.test(text) || inputs.tests >= 3 ? 2 : inputs.tests === 2 ? 1 : 0
  return [problems, risk, data].sort((x, y) => x - y)[1]!
}

export function selectEmLevel(text: string, inputs: MdmInputs): EmSelection {
  const isNew = isNewPatient(text)
  const time = documentedMinutes(text)
  if (time) {
    const table = isNew ? NEW_THRESHOLDS : ESTABLISHED_THRESHOLDS
    const hit = table.find(([min]) => time.minutes >= min)
    if (hit) return { code: hit[1], basis: 'time', minutes: time.minutes, start: time.start, end: time.end, confidence: isNew ? 0.9 : 0.85 }
    if (!isNew && time.minutes >= 5) return { code: '99211', basis: 'time', minutes: time.minutes, start: time.start, end: time.end, confidence: 0.6 }
  }
  const level = mdmLevel(text, inputs)
  return { code: (isNew ? NEW_BY_MDM : ESTABLISHED_BY_MDM)[level]!, basis: 'mdm', minutes: null, start: 0, end: 0, confidence: 0.5 }
}
