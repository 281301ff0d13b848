/** Office and outpatient E/M visits, new (99202-99205) and established (99211-99215) patients. */
export function isOfficeVisitCode(code: string): boolean {
  return /^992(0[2-5]|1[1-5])$/.test(code)
}

/**
 * Services that, billed the same day as an E/M visit, make payers expect modifier 25 on the visit:
 * surgery (10004-69990), injection and infusion administration (96360-96379) and immunization
 * administration (90460-90474). Labs, imaging, drugs and vaccine products do not, nor does routine
 * venipuncture (36415-36416), which sits in the surgery range but is a lab collection.
 */
export function needsSeparateVisitModifier(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false
  const n = Number(code)
  if (n === 36415 || n === 36416) return false
  return (n >= 10004 && n <= 69990) || (n >= 96360 && n <= 96379) || (n >= 90460 && n <= 90474)
}
