export { BPS_PER_WHOLE, computePayout } from './compute-payout'
export { PayoutInputError, UnbalancedJournalError } from './payment-errors'
export type { PayoutOutcome, PayoutRail, PayoutRequest } from './payout-rail'
export { PROVIDER_NOT_ONBOARDED } from './payout-rail'
export { payoutFailureMessage } from './payout-failure-message'
export { SandboxPayoutRail, sandboxTransferId } from './sandbox-payout-rail'
export {
  ACCOUNTS,
  balanceOf,
  balancesBy,
  checkLedger,
  foldBalances,
  journalForDenialWriteOff,
  journalForFullReimbursement,
  journalForPartialReimbursement,
  journalForPatientBalanceWriteOff,
  journalForPatientPayment,
  journalForPayableSettled,
  journalForPayout,
  journalForPayoutReturned,
  journalForPoolFunding,
  journalForRecovery,
  ledgerReport,
  poolSummary,
  reverseJournal,
  trialBalance,
  validateJournal,
} from './ledger'
export type {
  AccountName,
  Adjustment,
  AdjustmentGroup,
  ClaimFigures,
  ClaimRef,
  JournalDraft,
  JournalKind,
  JournalProblem,
  JournalResult,
  LedgerBalances,
  LedgerCheck,
  LedgerReport,
  LedgerProblem,
  PoolSummary,
  PostedJournal,
  PostingLine,
} from './ledger'
export { cutFor, DEFAULT_RULE_TABLE, parseRuleTable, RuleTable } from './cut-policy'
export type { CutDecision, CutInput, CutOverride, CutResult } from './cut-policy'
export { choosePool, fundingBook, holdFunds, PLATFORM_POOL_ID, payoutPool, poolPositions, releaseReservation, reserveFunds, settleReservation } from './funding'
export type { FundingBook, PoolChoice, PoolPosition, PoolSettings, PoolSource, Reservation, ReserveResult } from './funding'
// The Stripe adapter is imported from './stripe' where it is wired: kept out of this barrel so the
// pure modules do not pull the SDK into every bundle that needs a journal or a cut.
