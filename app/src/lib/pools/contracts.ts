// The pool contracts live beside the funding code that answers them; the app reads the same file.
export {
  Deposit,
  DepositInput,
  FundingPool,
  MAX_DEPOSIT_CENTS,
  PoolDetail,
  PoolInput,
  PoolList,
} from '../../../../worker/payments/funding/pool-contracts'
export type { ExposurePoint, FundingShortage, PoolList as PoolListT, WaitingForFunds } from '../../../../worker/payments/funding/pool-contracts'
