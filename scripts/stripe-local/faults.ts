/**
 * Failures on demand, for the next N requests that match a method and a path prefix:
 * - `error`: a 500 api_error and nothing done (the request failed before the endpoint ran). With
 *   `persistUnderKey`, the 500 is saved under the request's idempotency key as Stripe's v1 API does for a
 *   500 raised inside an endpoint, so retries with that key get the same 500 until the key expires.
 * - `drop`: the connection is closed without a response and nothing is done.
 * - `error-after-success` / `drop-after-success`: the work is done and saved under the idempotency key,
 *   then the response is lost (a 500 instead, or a closed connection). A retry with the same key gets the
 *   original result; a retry with a new key does the work again.
 */
export type FaultMode = 'error' | 'drop' | 'error-after-success' | 'drop-after-success'

export type FaultSpec = {
  method: string
  /** Matched against the request path, e.g. "/v1/transfers" or "/v1/payouts". */
  pathPrefix: string
  mode: FaultMode
  /** How many matching requests fail; 1 when omitted. */
  count?: number
  persistUnderKey?: boolean
}

export type ActiveFault = Required<FaultSpec> & { id: number; remaining: number }

export class FaultPlan {
  private faults: ActiveFault[] = []
  private nextId = 1

  add(spec: FaultSpec): ActiveFault {
    const count = spec.count ?? 1
    const fault: ActiveFault = {
      method: spec.method.toUpperCase(),
      pathPrefix: spec.pathPrefix,
      mode: spec.mode,
      count,
      persistUnderKey: spec.persistUnderKey ?? false,
      id: this.nextId++,
      remaining: count,
    }
    this.faults.push(fault)
    return fault
  }

  /** The first armed fault that matches, consumed by one use. */
  take(method: string, path: string): ActiveFault | null {
    const fault = this.faults.find((f) => f.remaining > 0 && f.method === method && path.startsWith(f.pathPrefix))
    if (!fault) return null
    fault.remaining--
    this.faults = this.faults.filter((f) => f.remaining > 0)
    return { ...fault }
  }

  pending(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }))
  }

  clear(): void {
    this.faults = []
  }
}
