import type { FaultSpec, ObjectsSnapshot } from '../../scripts/stripe-local'

/**
 * The control side of the run's own Stripe-compatible endpoint (not Stripe's API): the harness arms its
 * faults, moves its clock, and reads what it holds to check that no claim was paid twice.
 */
export type StripeControl = {
  reset(): Promise<void>
  topUp(amountCents: number): Promise<void>
  injectFault(spec: FaultSpec): Promise<void>
  clearFaults(): Promise<void>
  /** The endpoint's clock, in unix seconds. */
  now(): Promise<number>
  advanceClock(seconds: number): Promise<number>
  objects(): Promise<ObjectsSnapshot>
}

export class StripeControlFailed extends Error {
  override name = 'StripeControlFailed'
}

/** Tries for a call whose connection was lost: the endpoint drops connections on purpose, and a pooled one may be dead. */
const ATTEMPTS = 3

export function stripeControl(base: string, fetcher: typeof fetch = fetch): StripeControl {
  const send = async (method: string, path: string, body: unknown, retry: boolean, attempt = 1): Promise<Response> => {
    try {
      return await fetcher(`${base}/__control${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      })
    } catch (error) {
      if (!retry || attempt >= ATTEMPTS) throw error
      return send(method, path, body, retry, attempt + 1)
    }
  }
  /** `retry`: safe to send again (reads, and writes where a second copy changes nothing that matters). */
  const call = async <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, retry = true): Promise<T> => {
    const res = await send(method, path, body, retry)
    const text = await res.text()
    if (!res.ok) throw new StripeControlFailed(`${method} /__control${path} answered ${res.status}: ${text.slice(0, 200)}`)
    return JSON.parse(text) as T
  }
  return {
    reset: async () => void (await call('POST', '/reset')),
    topUp: async (amount) => void (await call('POST', '/balance/top-up', { amount })),
    injectFault: async (spec) => void (await call('POST', '/faults', spec)),
    clearFaults: async () => void (await call('DELETE', '/faults')),
    now: async () => (await call<{ now: number }>('GET', '/clock')).now,
    // Not sent again blindly: a lost answer may hide a move that happened, and time must move once.
    // The clock says which: moved, the move is done; unmoved, the request never arrived and goes again.
    advanceClock: async (seconds) => {
      const before = (await call<{ now: number }>('GET', '/clock')).now
      for (let attempt = 1; ; attempt++) {
        try {
          return (await call<{ now: number }>('POST', '/clock/advance', { seconds }, false)).now
        } catch (error) {
          const after = (await call<{ now: number }>('GET', '/clock')).now
          if (after !== before) return after
          if (attempt >= ATTEMPTS) throw error
        }
      }
    },
    objects: () => call<ObjectsSnapshot>('GET', '/objects'),
  }
}
