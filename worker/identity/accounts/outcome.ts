import type { EmailMessage } from '../../contracts'

/**
 * Account flows answer with values. `reason` is what went wrong in words a route maps to one status;
 * `emails` are outbox messages to put on the notifications queue once the change is committed.
 */
export type Refusal<R extends string> = { ok: false; reason: R; detail?: string }
export type Done<T = object> = { ok: true; emails?: EmailMessage[] } & T
export type Outcome<T, R extends string> = Done<T> | Refusal<R>

export const refuse = <R extends string>(reason: R, detail?: string): Refusal<R> => ({ ok: false, reason, ...(detail ? { detail } : {}) })
