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
}
