import { createHash, randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Stripe-shaped ids (`tr_1Qx...`). With a seed the sequence is a pure function of the seed and the order
 * of creation, so a fault-injection run can be replayed and its objects named in a failure report.
 */
export class IdFactory {
  private counter = 0

  constructor(private readonly seed?: string) {}

  next(prefix: string, length = 24): string {
    this.counter++
    const bytes =
      this.seed === undefined
        ? randomBytes(length)
        : createHash('sha512').update(`${this.seed}:${this.counter}`).digest().subarray(0, length)
    let out = ''
    for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
    return `${prefix}_1${out.slice(1)}`
  }

  reset(): void {
    this.counter = 0
  }

  /** How many ids were made; a restarted server continues from here, so a seeded sequence never repeats an id. */
  get issued(): number {
    return this.counter
  }

  resume(issued: number): void {
    this.counter = issued
  }
}
