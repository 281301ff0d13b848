/**
 * The server's notion of "now", in Unix seconds. Idempotency keys expire and payouts arrive by this
 * clock, so tests can cross Stripe's 24-hour key window or a payout's arrival date in a millisecond.
 * Webhook signatures do not use it: the SDK checks their timestamp against the receiver's wall clock.
 */
export class Clock {
  private offset = 0

  /** `start` freezes the clock at that instant (deterministic runs); without it, it follows wall time. */
  constructor(private readonly start?: number) {}

  now(): number {
    const base = this.start ?? Math.floor(Date.now() / 1000)
    return base + this.offset
  }

  advance(seconds: number): number {
    this.offset += seconds
    return this.now()
  }

  reset(): void {
    this.offset = 0
  }

  /** How far control has moved the clock: the only part of "now" a state file keeps (the base is the start time or wall time). */
  get offsetSeconds(): number {
    return this.offset
  }

  restoreOffset(seconds: number): void {
    this.offset = seconds
  }
}
