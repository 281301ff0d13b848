export { openDb } from './client'
export type { Db } from './client'
export * as schema from './schema'
export * as identitySchema from './schema-identity'
