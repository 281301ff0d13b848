import type { FhirRef } from './fhir-model'

export type BundleTarget = { type: string; id: string; identifiers: { system: string | null; value: string }[] }

/** Where each resource of a bundle can be found: by fullUrl, by `Type/id`, by identifier. */
export type ReferenceIndex = {
  byUrl: Map<string, BundleTarget>
  byIdentifier: Map<string, BundleTarget>
}

export function buildReferenceIndex(entries: { fullUrl?: string; target: BundleTarget }[]): ReferenceIndex {
  const byUrl = new Map<string, BundleTarget>()
  const byIdentifier = new Map<string, BundleTarget>()
  for (const { fullUrl, target } of entries) {
    if (fullUrl) byUrl.set(fullUrl, target)
    byUrl.set(`${target.type}/${target.id}`, target)
    for (const identifier of target.identifiers) {
      byIdentifier.set(identifierKey(target.type, identifier.system, identifier.value), target)
    }
  }
  return { byUrl, byIdentifier }
}

const identifierKey = (type: string, system: string | null, value: string) => `${type}|${system ?? ''}|${value}`

// '_' is not allowed in FHIR ids, but a lenient reader costs nothing and meets real servers.
const TYPE_AND_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-._]{1,64})(?:\/_history\/[^/]+)?$/
const CONDITIONAL = /^([A-Z][A-Za-z]+)\?identifier=(.*)$/

/**
 * Resolves a reference against the bundle. Conditional references (`Type?identifier=system|value`,
 * as Synthea writes Practitioners and Organizations) are matched by identifier and otherwise kept with
 * their system and value so that a later lookup (NPI registry, our provider table) can resolve them.
 */
export function resolveReference(raw: string, index: ReferenceIndex): FhirRef {
  if (raw.startsWith('#')) return { kind: 'contained', raw, id: raw.slice(1) }
  const conditional = CONDITIONAL.exec(raw)
  if (conditional) {
    const [, type = '', query = ''] = conditional
    const decoded = safeDecode(query)
    const bar = decoded.indexOf('|')
    const system = bar >= 0 ? decoded.slice(0, bar) : ''
    const value = bar >= 0 ? decoded.slice(bar + 1) : decoded
    const target = index.byIdentifier.get(identifierKey(type, system || null, value))
    if (target) return { kind: 'local', raw, type: target.type, id: target.id }
    return { kind: 'conditional', raw, type, system, value }
  }
  const local = index.byUrl.get(raw) ?? relativeTarget(raw, index)
  if (local) return { kind: 'local', raw, type: local.type, id: local.id }
  const typed = TYPE_AND_ID.exec(raw)
  if (typed) return { kind: 'external', raw, type: typed[1] ?? '', id: typed[2] ?? '' }
  return { kind: 'external', raw }
}

// An absolute URL such as https://server/fhir/Patient/1 points at Patient/1 when the bundle holds it.
function relativeTarget(raw: string, index: ReferenceIndex): BundleTarget | undefined {
  const typed = TYPE_AND_ID.exec(raw)
  return typed ? index.byUrl.get(`${typed[1]}/${typed[2]}`) : undefined
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
