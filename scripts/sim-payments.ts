import { parseArgs } from 'node:util'
import { startSimRuntime } from './sim-runtime-server'

/**
 * npm run -s sim:payments -- --claims N --seed S [--practices P] [--progress]
 *
 * The payments fault simulation (sim/payments) in the local runtime: a fresh D1, its own
 * Stripe-compatible endpoint, the real consumers under injected faults. Prints one JSON object and
 * exits 1 when an invariant breaks (the breaches are in the object), 2 on bad arguments.
 */

function usage(message: string): never {
  console.error(`${message}\nusage: npm run -s sim:payments -- --claims N --seed S [--practices P] [--progress]`)
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({ options: { claims: { type: 'string' }, seed: { type: 'string' }, practices: { type: 'string' }, progress: { type: 'boolean' } }, strict: true })
  } catch (error) {
    return usage((error as Error).message)
  }
})()
const int = (name: string, value: string | undefined, min: number, max: number, fallback?: number) => {
  if (value === undefined && fallback !== undefined) return fallback
  const n = Number(value)
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) usage(`--${name} must be a whole number from ${min} to ${max}`)
  return n
}
const request = { claims: int('claims', values.claims, 1, 100_000), seed: int('seed', values.seed, 0, 2 ** 31 - 1), practices: int('practices', values.practices, 1, 20, 4) }

const runtime = await startSimRuntime({ logs: values.progress === true })
let exitCode = 0
try {
  const { status, body } = await runtime.post('/run', request)
  console.log(JSON.stringify(body))
  const breaches = (body as { breaches?: unknown }).breaches
  if (status !== 200 || !Array.isArray(breaches) || breaches.length > 0) exitCode = 1
} finally {
  await runtime.stop()
}
process.exit(exitCode)
