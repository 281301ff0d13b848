export { CLAIMPAY_SUBMITTER_ID, claim837For, providerNpi } from './claim-837'
export type { Claim837Input, ProviderIdentity } from './claim-837'
export { controlNumberFor } from './control-number'
