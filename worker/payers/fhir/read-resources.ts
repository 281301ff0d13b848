import type { z } from 'zod'
import type {
  FhirAdjudicationAmount,
  FhirClaimRecord,
  FhirCoding,
  FhirCondition,
  FhirEncounter,
  FhirEob,
  FhirNote,
  FhirPatient,
  FhirProcedure,
  FhirRef,
} from './fhir-model'
import type * as R from './read-schemas'

/** What a resource reader needs from the bundle: references resolved, amounts converted, issues kept. */
export type ReadContext = {
  ref: (reference: z.infer<typeof R.Reference> | undefined) => FhirRef | null
  cents: (money: z.infer<typeof R.Money> | undefined, path: string) => number | null
  date: (value: string | undefined, path: string) => string | null
  warn: (path: string, message: string) => void
}

type CodeableConcept = z.infer<typeof R.CodeableConcept>

export function firstCoding(concept: CodeableConcept | undefined): FhirCoding | null {
  const coding = concept?.coding?.find((c) => c.code !== undefined && c.code !== '')
  if (!coding?.code) return null
  return { system: coding.system ?? null, code: coding.code, ...(coding.display ? { display: coding.display } : {}) }
}

const SSN_SYSTEM = 'http://hl7.org/fhir/sid/us-ssn'

export function readPatient(p: z.infer<typeof R.Patient>, ctx: ReadContext): FhirPatient {
  const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0]
  const address = p.address?.[0]
  const memberIds = (p.identifier ?? []).flatMap((identifier) => {
    const typeCode = firstCoding(identifier.type)?.code
    // The SSN is the one identifier we never need to pay a claim; not carrying it is cheaper than guarding it.
    if (!identifier.value || identifier.system === SSN_SYSTEM || typeCode === 'SS') return []
    return [{ system: identifier.system ?? null, value: identifier.value, ...(typeCode ? { typeCode } : {}) }]
  })
  return {
    id: p.id,
    name: name ? (name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ').trim()) : '',
    birthDate: ctx.date(p.birthDate, 'birthDate'),
    sex: p.gender ?? 'unknown',
    ...(address
      ? {
          address: {
            lines: address.line ?? [],
            ...(address.city ? { city: address.city } : {}),
            ...(address.state ? { state: address.state } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            ...(address.country ? { country: address.country } : {}),
          },
        }
      : {}),
    memberIds,
  }
}

export function readEncounter(e: z.infer<typeof R.Encounter>, ctx: ReadContext): FhirEncounter {
  return {
    id: e.id,
    patientRef: ctx.ref(e.subject),
    status: e.status,
    classCode: e.class?.code ?? null,
    types: (e.type ?? []).flatMap((t) => firstCoding(t) ?? []),
    start: e.period?.start ?? null,
    end: e.period?.end ?? null,
    serviceDate: ctx.date(e.period?.start, 'period.start'),
    providerRef: ctx.ref(e.serviceProvider),
    practitionerRefs: (e.participant ?? []).flatMap((p) => ctx.ref(p.individual) ?? []),
  }
}

export function readClaim(c: z.infer<typeof R.Claim>, ctx: ReadContext): FhirClaimRecord {
  const items = (c.item ?? []).map((item, i) => {
    const code = firstCoding(item.productOrService)
    if (!code) ctx.warn(`item[${i}].productOrService`, 'an item without a code')
    return {
      sequence: item.sequence,
      code: code?.code ?? '',
      system: code?.system ?? null,
      ...(code?.display ? { display: code.display } : {}),
      modifiers: (item.modifier ?? []).flatMap((m) => firstCoding(m) ?? []),
      quantity: item.quantity?.value ?? null,
      netCents: ctx.cents(item.net, `item[${i}].net`) ?? 0,
      diagnosisSequence: item.diagnosisSequence ?? [],
      servicedDate: ctx.date(item.servicedDate ?? item.servicedPeriod?.start, `item[${i}].serviced`),
      placeOfService: firstCoding(item.locationCodeableConcept),
    }
  })
  const encounterRefs = (c.item ?? []).flatMap((item) => (item.encounter ?? []).flatMap((e) => ctx.ref(e) ?? []))
  const focal = c.insurance?.find((i) => i.focal) ?? c.insurance?.[0]
  return {
    id: c.id,
    status: c.status,
    type: firstCoding(c.type)?.code ?? null,
    patientRef: ctx.ref(c.patient),
    providerRef: ctx.ref(c.provider),
    encounterRefs: uniqueRefs(encounterRefs),
    serviceDate: ctx.date(c.billablePeriod?.start ?? items[0]?.servicedDate ?? undefined, 'billablePeriod.start'),
    totalCents: ctx.cents(c.total, 'total'),
    items,
    diagnoses: (c.diagnosis ?? []).map((d) => ({
      sequence: d.sequence,
      code: firstCoding(d.diagnosisCodeableConcept),
      conditionRef: ctx.ref(d.diagnosisReference),
    })),
    insurer: c.insurer?.display ?? c.insurer?.identifier?.value ?? focal?.coverage?.display ?? null,
  }
}

function uniqueRefs(refs: FhirRef[]): FhirRef[] {
  const seen = new Set<string>()
  return refs.filter((r) => !seen.has(r.raw) && seen.add(r.raw))
}

function readAdjudication(list: z.infer<typeof R.ExplanationOfBenefit>['adjudication'], ctx: ReadContext, path: string): FhirAdjudicationAmount[] {
  return (list ?? []).map((a, i) => {
    const reason = firstCoding(a.reason)
    return {
      category: firstCoding(a.category)?.code ?? a.category.text ?? '',
      ...(reason ? { reason } : {}),
      amountCents: ctx.cents(a.amount, `${path}[${i}].amount`),
    }
  })
}

export function readEob(e: z.infer<typeof R.ExplanationOfBenefit>, ctx: ReadContext): FhirEob {
  return {
    id: e.id,
    claimRef: ctx.ref(e.claim),
    patientRef: ctx.ref(e.patient),
    outcome: e.outcome,
    paymentCents: ctx.cents(e.payment?.amount, 'payment.amount'),
    items: (e.item ?? []).map((item, i) => {
      const code = firstCoding(item.productOrService)
      return {
        sequence: item.sequence,
        code: code?.code ?? null,
        system: code?.system ?? null,
        adjudication: readAdjudication(item.adjudication, ctx, `item[${i}].adjudication`),
      }
    }),
    adjudication: readAdjudication(e.adjudication, ctx, 'adjudication'),
  }
}

export function readCondition(c: z.infer<typeof R.Condition>, ctx: ReadContext): FhirCondition {
  return {
    id: c.id,
    patientRef: ctx.ref(c.subject),
    encounterRef: ctx.ref(c.encounter),
    code: firstCoding(c.code),
    onsetDate: ctx.date(c.onsetDateTime, 'onsetDateTime'),
  }
}

export function readProcedure(p: z.infer<typeof R.Procedure>, ctx: ReadContext): FhirProcedure {
  return {
    id: p.id,
    patientRef: ctx.ref(p.subject),
    encounterRef: ctx.ref(p.encounter),
    code: firstCoding(p.code),
    performedDate: ctx.date(p.performedDateTime ?? p.performedPeriod?.start, 'performed'),
  }
}

/** The first attachment with inline data, decoded from base64 as UTF-8; null when there is none. */
export function readNote(d: z.infer<typeof R.DocumentReference>, ctx: ReadContext): FhirNote | null {
  const attachment = d.content.find((c) => c.attachment.data !== undefined)?.attachment
  if (!attachment?.data) {
    ctx.warn('content', 'no inline attachment data (a URL-only note is not fetched)')
    return null
  }
  const text = decodeBase64Utf8(attachment.data)
  if (text === null) {
    ctx.warn('content[0].attachment.data', 'attachment data is not valid base64 UTF-8')
    return null
  }
  return { id: d.id, encounterRef: ctx.ref(d.context?.encounter?.[0]), contentType: attachment.contentType ?? 'application/octet-stream', text }
}

export function decodeBase64Utf8(data: string): string | null {
  try {
    const binary = atob(data.replace(/\s+/g, ''))
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}
