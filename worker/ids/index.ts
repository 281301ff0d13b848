export { hasPrefix, newId, stableId } from './new-id'
export type { IdPrefix } from './new-id'
