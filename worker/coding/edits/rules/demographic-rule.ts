import { formatIcd10 } from '../../format-icd10'
import { DIAGNOSIS_DEMOGRAPHIC_RULES, PROCEDURE_DEMOGRAPHIC_RULES, type Demographic } from '../demographic-rules'
import { inAnyIcd10Range } from '../icd10-range'
import { SEX_EDIT_OVERRIDE_MODIFIER } from '../modifiers'
import { inAnyProcedureRange } from '../procedure-range'
import type { Edit, EditClaim, Sex } from '../types'
import { lineRef, modifiersOf, procedureOf, type EditRule } from './edit-rule'

const SEX_WORD = { F: 'female', M: 'male' } as const

/** Age and sex conflicts (tables in demographic-rules.ts). Nothing is judged that the claim does not state. */
export const demographicRule: EditRule = (claim) => {
  const sex = knownSex(claim.patient?.sex)
  const age = claim.patient?.ageYears
  if (sex === undefined && age === undefined) return []
  const edits: Edit[] = []
  claim.diagnoses.forEach((code, index) => {
    const rule = DIAGNOSIS_DEMOGRAPHIC_RULES.find((r) => inAnyIcd10Range(code, r.ranges))
    if (rule === undefined) return
    const lines = linesPointingTo(claim, index + 1)
    const where = `Diagnosis ${index + 1} (${formatIcd10(code)}) is ${rule.label}`
    const sexes = sexConflict(rule, sex)
    if (sexes && !lines.some((l) => overridesSex(claim, l))) {
      edits.push({ code: 'dx-sex-conflict', severity: rule.severity, lines, diagnoses: [index + 1], message: `${where}, for ${sexes.expected} patients only, but the patient is ${sexes.actual}.` })
    }
    if (ageConflict(rule, age)) {
      edits.push({ code: 'dx-age-conflict', severity: rule.severity, lines, diagnoses: [index + 1], message: `${where}, expected for ${ageBand(rule)}, but the patient is ${age} on the date of service.` })
    }
  })
  claim.lines.forEach((line, index) => {
    const rule = PROCEDURE_DEMOGRAPHIC_RULES.find((r) => inAnyProcedureRange(procedureOf(line), r.ranges))
    if (rule === undefined) return
    const sexes = sexConflict(rule, sex)
    if (sexes && !overridesSex(claim, index + 1)) {
      edits.push({ code: 'procedure-sex-conflict', severity: rule.severity, lines: [index + 1], diagnoses: [], message: `${lineRef(index, line)} is ${rule.label}, for ${sexes.expected} patients only, but the patient is ${sexes.actual}; if this is right for the patient, add modifier KX.` })
    }
    if (ageConflict(rule, age)) {
      edits.push({ code: 'procedure-age-conflict', severity: rule.severity, lines: [index + 1], diagnoses: [], message: `${lineRef(index, line)} is ${rule.label}, but the patient is ${age} on the date of service; use the code for the patient's age.` })
    }
  })
  return edits
}

const knownSex = (sex: Sex | undefined) => (sex === 'F' || sex === 'M' ? sex : undefined)

/** The words for a conflict, or undefined when there is none (an unknown sex conflicts with nothing). */
function sexConflict(rule: Demographic, sex: 'F' | 'M' | undefined): { expected: string; actual: string } | undefined {
  if (rule.sex === undefined || sex === undefined || sex === rule.sex) return undefined
  return { expected: SEX_WORD[rule.sex], actual: SEX_WORD[sex] }
}
const ageConflict = (rule: Demographic, age: number | undefined) =>
  age !== undefined && ((rule.minAge !== undefined && age < rule.minAge) || (rule.maxAge !== undefined && age > rule.maxAge))

function ageBand(rule: Demographic): string {
  if (rule.maxAge === 0) return 'patients under 1 year'
  if (rule.minAge === undefined) return `patients aged ${rule.maxAge} or under`
  if (rule.maxAge === undefined) return `patients aged ${rule.minAge} or over`
  return `patients aged ${rule.minAge} to ${rule.maxAge}`
}

const linesPointingTo = (claim: EditClaim, position: number) =>
  claim.lines.flatMap((line, index) => (line.diagnosisPointers.includes(position) ? [index + 1] : []))

const overridesSex = (claim: EditClaim, lineNumber: number) => modifiersOf(claim.lines[lineNumber - 1]!).includes(SEX_EDIT_OVERRIDE_MODIFIER)
