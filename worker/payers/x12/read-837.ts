// 837 claims, professional (005010X222, 004010X098) and institutional (005010X223, 004010X096), into
// X12Claim837. The hierarchy is read from HL03 (20 billing provider, 22 subscriber, 23 patient); a
// claim takes the parties of the HL it sits in. After CLM, NM1 loops belong to the claim (rendering
// provider 82) or to other payers (SBR / 2330x loops), which must not overwrite the subscriber's.
import { interchangesOf } from './envelope'
import type { X12ReaderInput, X12TransactionSet } from './envelope'
import type { X12Claim837, X12Issue, X12Party, X12ServiceLine837 } from './model'
import { element, parseX12Cents, parseX12Date, parseX12Number, splitComponents } from './segments'
import type { X12Segment } from './segments'

export type Read837Result = { ok: boolean; claims: X12Claim837[]; issues: X12Issue[] }

type Person = X12Party & { birthDate?: string; sex?: 'M' | 'F' | 'U'; relationship?: string; taxId?: string }

const DIAGNOSIS_QUALIFIERS = new Set(['ABK', 'ABF', 'BK', 'BF'])

/** The 837 kind from the implementation guide, or from the service lines when the guide is unknown. */
export function kindOf837(set: X12TransactionSet): '837P' | '837I' {
  const guide = set.envelope.implementationGuide
  if (/X223|X096/.test(guide)) return '837I'
  if (/X222|X098/.test(guide)) return '837P'
  return set.segments.some((s) => s.id === 'SV2') ? '837I' : '837P'
}

/** Reads every claim of every 837 transaction set. Never throws. */
export function read837(input: X12ReaderInput): Read837Result {
  const { transactions } = interchangesOf(input)
  const issues: X12Issue[] = []
  const claims: X12Claim837[] = []
  const sets = transactions.filter((t) => t.type === '837')
  if (sets.length === 0) issues.push({ segment: 0, message: 'no 837 transaction set' })
  for (const set of sets) claims.push(...readSet(set, issues))
  return { ok: sets.length > 0, claims, issues }
}

function readSet(set: X12TransactionSet, issues: X12Issue[]): X12Claim837[] {
  const kind = kindOf837(set)
  const comp = (value: string) => splitComponents(value, set.delimiters)
  const claims: X12Claim837[] = []
  const issue = (s: X12Segment, message: string) => issues.push({ segment: s.position, segmentId: s.id, message })
  const cents = (s: X12Segment, n: number, what: string): number => {
    const value = parseX12Cents(element(s, n))
    if (value === undefined) issue(s, `${what} "${element(s, n)}" is not an amount`)
    return value ?? 0
  }

  let submitter: Person = emptyParty()
  let receiver: Person = emptyParty()
  let billing: Person = emptyParty()
  let subscriber: Person = emptyParty()
  let payer: Person = emptyParty()
  let patient: Person | undefined
  let inPatientLevel = false
  let claim: X12Claim837 | undefined
  let claimStart: X12Segment | undefined
  let line: X12ServiceLine837 | undefined
  /** The party N3 / N4 / REF / DMG apply to; undefined inside loops this reader skips. */
  let current: Person | undefined
  /** True once an SBR follows CLM: the 2320/2330 other-payer loops, which are not the claim's parties. */
  let otherPayers = false

  const finish = () => {
    if (claim && claimStart) {
      const total = claim.lines.reduce((sum, l) => sum + l.chargeCents, 0)
      if (claim.lines.length > 0 && total !== claim.totalChargeCents) {
        issue(claimStart, `claim ${claim.claimId}: service lines total ${total / 100}, CLM02 is ${claim.totalChargeCents / 100}`)
      }
      claims.push(claim)
    }
    claim = undefined
    line = undefined
    otherPayers = false
  }

  for (const s of set.segments) {
    const e = (n: number) => element(s, n)
    switch (s.id) {
      case 'HL': {
        finish()
        const level = e(3)
        current = undefined
        if (level === '20') {
          billing = emptyParty()
          subscriber = emptyParty()
          payer = emptyParty()
          patient = undefined
          inPatientLevel = false
        } else if (level === '22') {
          subscriber = emptyParty()
          payer = emptyParty()
          patient = undefined
          inPatientLevel = false
        } else if (level === '23') {
          patient = emptyParty()
          inPatientLevel = true
        }
        break
      }
      case 'NM1': {
        const party = partyOf(s)
        current = undefined
        if (claim) {
          if (!otherPayers && e(1) === '82' && !line) claim.renderingProvider = current = party
          break
        }
        switch (e(1)) {
          case '41':
            submitter = current = party
            break
          case '40':
            receiver = current = party
            break
          case '85':
            billing = current = { ...party, ...(e(8) === '24' || e(8) === 'EI' ? { taxId: e(9) } : {}) }
            break
          case 'IL':
            subscriber = current = party
            break
          case 'PR':
            payer = current = party
            break
          case 'QC':
            if (inPatientLevel) patient = current = { ...party, ...(patient?.relationship ? { relationship: patient.relationship } : {}) }
            break
        }
        break
      }
      case 'N3':
        if (current) current.address = { ...(current.address ?? emptyAddress()), line1: e(1), ...(e(2) ? { line2: e(2) } : {}) }
        break
      case 'N4':
        if (current) current.address = { ...(current.address ?? emptyAddress()), city: e(1), state: e(2), postalCode: e(3) }
        break
      case 'REF':
        if (current === billing && e(1) === 'EI') billing.taxId = e(2)
        if (claim && !line && !otherPayers && e(1) === 'G1') claim.priorAuthorization = e(2)
        break
      case 'DMG':
        if (current && (current === subscriber || current === patient)) {
          const birthDate = e(1) === 'D8' ? parseX12Date(e(2)) : undefined
          if (birthDate) current.birthDate = birthDate
          const sex = e(3)
          if (sex === 'M' || sex === 'F' || sex === 'U') current.sex = sex
        }
        break
      case 'PAT':
        if (inPatientLevel && patient) patient.relationship = e(1)
        break
      case 'SBR':
        if (claim) otherPayers = true
        current = undefined
        break
      case 'CLM': {
        finish()
        const place = comp(e(5))
        claimStart = s
        if (!e(1)) issue(s, 'CLM01 (patient control number) is empty')
        // Copies: claims of one hierarchy share its parties, and a caller editing one claim must not edit another.
        claim = {
          kind,
          envelope: { ...set.envelope },
          submitter: structuredClone(submitter),
          receiver: structuredClone(receiver),
          billingProvider: structuredClone(billing),
          subscriber: structuredClone(subscriber),
          ...(inPatientLevel && patient ? { patient: structuredClone(patient) } : {}),
          payer: structuredClone(payer),
          claimId: e(1),
          totalChargeCents: cents(s, 2, 'CLM02'),
          placeOfService: place[0] ?? '',
          frequencyCode: place[2] ?? '',
          diagnoses: [],
          lines: [],
        }
        current = undefined
        break
      }
      case 'HI':
        if (!claim || line) break
        for (const value of s.elements) {
          const [qualifier = '', code = ''] = comp(value)
          // Other HI qualifiers (ABJ admitting, APR reason for visit, BBR procedures, BH occurrence ...)
          // are not diagnoses of the claim model.
          if (DIAGNOSIS_QUALIFIERS.has(qualifier) && code) claim.diagnoses.push({ qualifier, code: code.replace(/\./g, '') })
        }
        break
      case 'LX':
        if (!claim) break
        line = newLine(Number(e(1)) || claim.lines.length + 1)
        claim.lines.push(line)
        break
      case 'SV1':
      case 'SV2': {
        if (!claim) {
          issue(s, `${s.id} outside a claim`)
          break
        }
        if (!line || line.procedureCode || line.revenueCode || line.chargeCents) {
          line = newLine(claim.lines.length + 1)
          claim.lines.push(line)
        }
        const professional = s.id === 'SV1'
        const [, code = '', ...modifiers] = comp(professional ? e(1) : e(2))
        line.procedureCode = code
        line.modifiers = modifiers.slice(0, 4).filter((m) => m !== '')
        line.chargeCents = cents(s, professional ? 2 : 3, `${s.id}${professional ? '02' : '03'}`)
        line.unitBasis = professional ? e(3) : e(4)
        line.units = parseX12Number(professional ? e(4) : e(5)) ?? 0
        if (professional) {
          if (e(5)) line.placeOfService = e(5)
          line.diagnosisPointers = comp(e(7))
            .map(Number)
            .filter((n) => Number.isInteger(n) && n > 0)
        } else {
          line.revenueCode = e(1)
        }
        break
      }
      case 'DTP':
        if (line && e(1) === '472') {
          const date = parseX12Date(e(3))
          if (date) line.serviceDate = date
          else issue(s, `DTP03 "${e(3)}" is not a date`)
        }
        break
      case 'SE':
        finish()
        break
    }
  }
  finish()
  return claims
}

function partyOf(s: X12Segment): Person {
  const entity = element(s, 2)
  const firstName = element(s, 4)
  const idQualifier = element(s, 8)
  const id = element(s, 9)
  return {
    entityType: entity === '1' ? '1' : '2',
    lastOrOrganizationName: element(s, 3),
    ...(firstName ? { firstName } : {}),
    ...(idQualifier ? { idQualifier } : {}),
    ...(id ? { id } : {}),
  }
}

function emptyParty(): Person {
  return { entityType: '2', lastOrOrganizationName: '' }
}

function emptyAddress() {
  return { line1: '', city: '', state: '', postalCode: '' }
}

function newLine(lineNumber: number): X12ServiceLine837 {
  return { lineNumber, procedureCode: '', modifiers: [], chargeCents: 0, unitBasis: '', units: 0, diagnosisPointers: [] }
}
