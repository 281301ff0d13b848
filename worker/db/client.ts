import { drizzle } from 'drizzle-orm/d1'
import * as claimsSchema from './schema'
import * as identitySchema from './schema-identity'

const schema = { ...claimsSchema, ...identitySchema }

/** Built per request (or per batch) from the binding: no module-level database handle. */
export function openDb(d1: D1Database) {
  return drizzle(d1, { schema })
}
export type Db = ReturnType<typeof openDb>
