export { createD1ProviderStore } from './d1-provider-store'
export type { ProviderStore } from './d1-provider-store'
