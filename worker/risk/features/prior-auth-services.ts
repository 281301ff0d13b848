/**
 * Services commercial plans and Medicaid commonly pre-authorise: advanced imaging (CT, MRI, PET,
 * nuclear cardiology), echocardiography, cardiac stress tests, extended ECG monitoring and attended
 * sleep studies. The claim contract has no authorisation number yet, so billing one is itself the signal.
 */
const PRIOR_AUTH_CODES: ReadonlySet<string> = new Set([
  '70450', '70460', '70470', '70551', '70552', '70553', '71250', '71260', '72141', '72148', '72193',
  '73221', '73721', '74176', '74177', '74178', '78452', '78815',
  '93015', '93224', '93306', '93350', '95810',
])

export function needsPriorAuth(procedureCode: string): boolean {
  return PRIOR_AUTH_CODES.has(procedureCode)
}
