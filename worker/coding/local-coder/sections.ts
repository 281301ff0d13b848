/** What a part of a note is for, which decides what may be coded from it. */
export type SectionKind = 'diagnostic' | 'presenting' | 'history' | 'excluded' | 'procedures' | 'plan' | 'other'

export type Section = { kind: SectionKind; label: string; start: number; end: number }

// A heading is a short label followed by a colon at the start of a line or sentence ("A/P:", "HPI:",
// "POSTOPERATIVE DIAGNOSIS:"). Times ("10:30") and ratios never qualify: the label must start with a letter.
const HEADING = /(?:^|\n|\.\s+|,\s*)\s*([A-Za-z][A-Za-z /&()-]{0,40}?)\s*:(?!\d),?/g

const KINDS: readonly [RegExp, SectionKind][] = [
  [/^(?:pre-?operative|preop)/i, 'other'],
  [/assessment|impression|diagnos[ie]s|^a ?\/ ?p$|^ap$|problem list|^dx$|^ddx$/i, 'diagnostic'],
  [/^(?:cc|chief complaint|hpi|history of present illness|subjective|reason for (?:visit|consultation)|presenting)/i, 'presenting'],
  [/past medical|^pmh|past surgical|^psh|^pmhx|medical history/i, 'history'],
  [/review of systems|^ros$|family|social|^fh|^sh$|allerg|medication|^meds|exam|vital|^labs?$|laboratory|data|objective|^gen|heent|neck|lungs|heart|cardio|abdomen|extremit|neuro|skin|psych|musculo|^cv$|^resp/i, 'excluded'],
  [/^procedures?|^services|^tests? performed|^orders?/i, 'procedures'],
  [/^plan|^recommendation|^disposition|^follow/i, 'plan'],
]

function kindOf(label: string): SectionKind {
  for (const [pattern, kind] of KINDS) if (pattern.test(label.trim())) return kind
  return 'other'
}

/** The note cut at its headings; text before the first heading is one 'other' section. */
export function splitSections(text: string): Section[] {
  const headings: { label: string; at: number; contentStart: number }[] = []
  for (const match of text.matchAll(HEADING)) {
    const label = match[1]!.trim()
    if (label.split(/\s+/).length > 5) continue
    headings.push({ label, at: match.index, contentStart: match.index + match[0].length })
  }
  const sections: Section[] = []
  if (headings.length === 0 || headings[0]!.at > 0) sections.push({ kind: 'other', label: '', start: 0, end: headings[0]?.at ?? text.length })
  headings.forEach((h, i) => sections.push({ kind: kindOf(h.label), label: h.label, start: h.contentStart, end: headings[i + 1]?.at ?? text.length }))
  return sections
}

/** Items of a diagnostic section: numbered entries, lines, or sentences, each with its span. */
export function sectionItems(text: string, section: Section): { start: number; end: number }[] {
  const items: { start: number; end: number }[] = []
  const body = text.slice(section.start, section.end)
  const ITEM_BREAK = /\n|(?:^|\s)\d{1,2}[.)]\s|;|\.\s+(?=[A-Z0-9])|#\d*/g
  let start = 0
  const push = (end: number) => {
    const raw = body.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    if (raw.trim().length > 1) items.push({ start: section.start + start + lead, end: section.start + start + raw.trimEnd().length })
  }
  for (const match of body.matchAll(ITEM_BREAK)) {
    push(match.index)
    start = match.index + match[0].length
  }
  push(body.length)
  return items
}
