import { drizzle } from 'drizzle-orm/d1'
import * as schema from './schema'

/** Built per request (or per batch) from the binding: no module-level database handle. */
export function openDb(d1: D1Database) {
  return drizzle(d1, { schema })
}
export type Db = ReturnType<typeof openDb>
