import type { z } from 'zod'
import type { FhirBundleRead, FhirIssue } from './fhir-model'
import { fhirAmountToCents } from './fhir-money'
import * as R from './read-schemas'
import { readClaim, readCondition, readEncounter, readEob, readNote, readPatient, readProcedure, type ReadContext } from './read-resources'
import { buildReferenceIndex, resolveReference, type BundleTarget } from './references'

// Bundles a payer, EHR or Synthea hands us: transaction/batch ones (entry.request) and the ones a
// server returns (collection, searchset, document). History and responses carry no resources we read.
const READABLE_TYPES = new Set(['transaction', 'batch', 'collection', 'searchset', 'document'])

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|T)/

type Entry = { index: number; fullUrl?: string; resource: unknown; header: z.infer<typeof R.ResourceHeader>; id: string }

/**
 * Reads a FHIR R4 Bundle into plain models. Never throws: what cannot be read becomes an issue naming
 * the entry index, and the rest of the bundle is still read.
 */
export function readFhirBundle(json: unknown): FhirBundleRead {
  const out: FhirBundleRead = { patients: [], encounters: [], claims: [], eobs: [], conditions: [], procedures: [], notes: [], issues: [] }
  const issue = (i: FhirIssue) => out.issues.push(i)

  const bundle = R.Bundle.safeParse(json)
  if (!bundle.success) {
    issue({ severity: 'error', entry: null, path: '', message: `not a FHIR Bundle: ${describe(bundle.error)}` })
    return out
  }
  if (!READABLE_TYPES.has(bundle.data.type)) {
    issue({ severity: 'warning', entry: null, path: 'type', message: `bundle type '${bundle.data.type}' is not one we expect resources in` })
  }

  const entries: Entry[] = []
  bundle.data.entry.forEach((raw, index) => {
    const entry = R.BundleEntry.safeParse(raw)
    if (!entry.success || entry.data.resource === undefined) {
      issue({ severity: 'error', entry: index, path: 'resource', message: 'an entry without a resource' })
      return
    }
    const header = R.ResourceHeader.safeParse(entry.data.resource)
    if (!header.success) {
      issue({ severity: 'error', entry: index, path: 'resource', message: `not a FHIR resource: ${describe(header.error)}` })
      return
    }
    // A transaction may PUT to Type/id without repeating the id in the resource.
    const putId = entry.data.request?.method === 'PUT' ? /^[A-Za-z]+\/([^/?]+)$/.exec(entry.data.request.url)?.[1] : undefined
    const id = header.data.id ?? putId ?? entry.data.fullUrl ?? `entry-${index}`
    entries.push({ index, resource: entry.data.resource, header: header.data, id, ...(entry.data.fullUrl ? { fullUrl: entry.data.fullUrl } : {}) })
  })

  const referenceIndex = buildReferenceIndex(
    entries.map((e) => ({ ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}), target: targetOf(e) })),
  )

  for (const entry of entries) {
    const type = entry.header.resourceType
    let roundedAmounts = 0
    const warn = (path: string, message: string) => issue({ severity: 'warning', entry: entry.index, resourceType: type, path, message })
    const ctx: ReadContext = {
      ref: (reference) => (reference?.reference ? resolveReference(reference.reference, referenceIndex) : null),
      cents: (money, path) => {
        if (!money) return null
        if (money.currency !== undefined && money.currency !== 'USD') warn(path, `amount in ${money.currency}, read as USD`)
        const converted = fhirAmountToCents(money.value)
        if (!converted) {
          warn(path, 'an amount that is not a finite number of dollars')
          return null
        }
        if (!converted.exact) roundedAmounts++
        return converted.cents
      },
      date: (value, path) => {
        if (value === undefined) return null
        const day = DATE_PREFIX.exec(value)?.[1]
        if (!day) warn(path, 'not a date as YYYY-MM-DD')
        return day ?? null
      },
      warn,
    }
    const parse = <S extends z.ZodType>(schema: S): z.infer<S> | null => {
      const result = schema.safeParse(entry.resource)
      if (result.success) return result.data
      issue({ severity: 'error', entry: entry.index, resourceType: type, path: pathOf(result.error), message: describe(result.error) })
      return null
    }

    switch (type) {
      case 'Patient': {
        const p = parse(R.Patient)
        if (p) out.patients.push(readPatient(p, ctx))
        break
      }
      case 'Encounter': {
        const e = parse(R.Encounter)
        if (e) out.encounters.push(readEncounter(e, ctx))
        break
      }
      case 'Claim': {
        const c = parse(R.Claim)
        if (c) out.claims.push(readClaim(c, ctx))
        break
      }
      case 'ExplanationOfBenefit': {
        const e = parse(R.ExplanationOfBenefit)
        if (e) out.eobs.push(readEob(e, ctx))
        break
      }
      case 'Condition': {
        const c = parse(R.Condition)
        if (c) out.conditions.push(readCondition(c, ctx))
        break
      }
      case 'Procedure': {
        const p = parse(R.Procedure)
        if (p) out.procedures.push(readProcedure(p, ctx))
        break
      }
      case 'DocumentReference': {
        const d = parse(R.DocumentReference)
        const note = d ? readNote(d, ctx) : null
        if (note) out.notes.push(note)
        break
      }
      default:
        break
    }
    if (roundedAmounts > 0) warn('', `${roundedAmounts} amount(s) with fractions of a cent rounded to the cent`)
  }
  return out
}

function targetOf(entry: Entry): BundleTarget {
  const identifiers = (entry.header.identifier ?? []).flatMap((i) => (i.value ? [{ system: i.system ?? null, value: i.value }] : []))
  return { type: entry.header.resourceType, id: entry.id, identifiers }
}

function pathOf(error: z.ZodError): string {
  return error.issues[0]?.path.map(String).join('.') ?? ''
}

function describe(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'invalid'
  const path = first.path.map(String).join('.')
  return path ? `${path}: ${first.message}` : first.message
}
