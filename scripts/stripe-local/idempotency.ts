import { createHash } from 'node:crypto'
import type { Clock } from './clock'
import { stripeErrors } from './errors'
import type { StripeError } from './errors'
import type { FormValue } from './form-decode'

/** Stripe prunes keys once they are at least 24 hours old; a key reused after that runs the request again. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

/** Keys belong to one API key acting as one account: the same key on another connected account is new. */
export type IdempotencyScope = { apiKey: string; account: string | null; key: string }

export type SavedResponse = { status: number; body: unknown; requestId: string }

export type IdempotencyLookup =
  | { kind: 'fresh' }
  | { kind: 'replay'; saved: SavedResponse }
  | { kind: 'conflict'; error: StripeError }

type Entry = SavedResponse & { endpoint: string; fingerprint: string; createdAt: number }

/** A live key as a state file keeps it: `scope` is already a digest of the API key, never the key itself. */
export type IdempotencyRecord = Entry & { scope: string }

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds = IDEMPOTENCY_KEY_TTL_SECONDS,
  ) {}

  /** `endpoint` is "METHOD /path"; parameters are compared by value, whatever order they were sent in. */
  lookup(scope: IdempotencyScope, endpoint: string, params: FormValue): IdempotencyLookup {
    const entry = this.live(scopeKey(scope))
    if (!entry) return { kind: 'fresh' }
    if (entry.endpoint !== endpoint) {
      return { kind: 'conflict', error: stripeErrors.idempotencyEndpointMismatch(scope.key, entry.endpoint.split(' ')[1]!, endpoint.split(' ')[1]!) }
    }
    if (entry.fingerprint !== fingerprint(params)) return { kind: 'conflict', error: stripeErrors.idempotencyParamsMismatch(scope.key) }
    return { kind: 'replay', saved: { status: entry.status, body: entry.body, requestId: entry.requestId } }
  }

  save(scope: IdempotencyScope, endpoint: string, params: FormValue, saved: SavedResponse): void {
    this.entries.set(scopeKey(scope), { ...saved, endpoint, fingerprint: fingerprint(params), createdAt: this.clock.now() })
  }

  /** Live keys, for test assertions. */
  size(): number {
    this.prune()
    return this.entries.size
  }

  reset(): void {
    this.entries.clear()
  }

  /** The live keys with their first-use time, so a restarted server replays them and expires them on time. */
  records(): IdempotencyRecord[] {
    this.prune()
    return [...this.entries].map(([scope, entry]) => ({ scope, ...entry }))
  }

  restore(records: IdempotencyRecord[]): void {
    this.entries.clear()
    for (const { scope, ...entry } of records) this.entries.set(scope, entry)
    this.prune()
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry && this.expired(entry)) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  private prune(): void {
    for (const [key, entry] of this.entries) if (this.expired(entry)) this.entries.delete(key)
  }

  private expired(entry: Entry): boolean {
    return this.clock.now() - entry.createdAt >= this.ttlSeconds
  }
}

/** The secret key only as a digest: scopes are kept in the state file, which must not hold a secret. */
function scopeKey(scope: IdempotencyScope): string {
  return JSON.stringify([sha256(scope.apiKey), scope.account ?? '', scope.key])
}

/**
 * A digest of the canonical JSON (object keys sorted, so `a=1&b=2` and `b=2&a=1` are the same request).
 * A digest because parameters are never kept: account creation sends the full bank account number.
 */
export function fingerprint(value: FormValue): string {
  return sha256(JSON.stringify(canonical(value)))
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function canonical(value: FormValue): unknown {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(canonical)
  return Object.keys(value)
    .sort()
    .map((k) => [k, canonical(value[k]!)])
}
