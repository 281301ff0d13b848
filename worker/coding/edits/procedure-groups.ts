import { inAnyProcedureRange, procedureRanges } from './procedure-range'

/**
 * Evaluation and management visits a payer expects modifier 25 on when a procedure is billed the same
 * day: office, hospital, consultations, emergency, nursing facility, home, preventive.
 */
const EVALUATION_AND_MANAGEMENT = procedureRanges('99202-99215', '99221-99239', '99242-99255', '99281-99285', '99304-99316', '99341-99350', '99381-99397')

export const isEvaluationAndManagement = (code: string) => inAnyProcedureRange(code, EVALUATION_AND_MANAGEMENT)

/**
 * Procedures whose global package includes the day's E/M unless modifier 25 marks it separate: the
 * surgery section (minor and major procedures), and injections, infusions and nebulizer treatments, which
 * NCCI bundles with an E/M. Without the fee schedule's global days this is deliberately the clear cases;
 * labs, imaging and vaccines are not here (they never take 25 for the E/M).
 */
const GLOBAL_PACKAGE_PROCEDURES = procedureRanges('10004-69990', '96360-96379', '94640', '94664', '97597-97608')

export const bundlesSameDayEm = (code: string) => inAnyProcedureRange(code, GLOBAL_PACKAGE_PROCEDURES)
