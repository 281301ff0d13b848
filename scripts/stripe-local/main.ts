// The local Stripe endpoint as a process, for `npm start` and manual poking:
//   tsx scripts/stripe-local/main.ts --port 12111 --webhook-url URL --webhook-secret whsec_...
//     [--host 127.0.0.1] [--seed S] [--platform-balance CENTS] [--webhook-mode auto|manual] [--state-file PATH] [--quiet]
// Prints one line with its URL once it listens; stops on SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startStripeLocal } from './server'
import type { StripeLocalOptions } from './options'

export const USAGE =
  'usage: tsx scripts/stripe-local/main.ts [--port 12111] [--host 127.0.0.1] [--webhook-url URL --webhook-secret whsec_...] [--seed S] [--platform-balance CENTS] [--webhook-mode auto|manual] [--state-file PATH] [--quiet]'

export type CliParse = { ok: true; options: StripeLocalOptions } | { ok: false; message: string }

export function parseCliArgs(argv: string[]): CliParse {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '12111' },
        host: { type: 'string', default: '127.0.0.1' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        seed: { type: 'string' },
        'platform-balance': { type: 'string' },
        'webhook-mode': { type: 'string', default: 'auto' },
        'state-file': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `invalid --port ${values.port}` }
  const url = values['webhook-url']
  const secret = values['webhook-secret']
  if ((url === undefined) !== (secret === undefined)) return { ok: false, message: '--webhook-url and --webhook-secret go together' }
  if (secret !== undefined && !secret.startsWith('whsec_')) return { ok: false, message: '--webhook-secret must start with whsec_' }
  const mode = values['webhook-mode']
  if (mode !== 'auto' && mode !== 'manual') return { ok: false, message: `invalid --webhook-mode ${mode}` }
  const balance = values['platform-balance']
  if (balance !== undefined && !/^\d+$/.test(balance)) return { ok: false, message: `invalid --platform-balance ${balance}` }
  const stateFile = values['state-file']
  if (stateFile !== undefined && stateFile.trim() === '') return { ok: false, message: '--state-file needs a path' }
  const options: StripeLocalOptions = {
    port,
    host: values.host,
    webhookMode: mode,
    ...(url !== undefined && secret !== undefined ? { webhookUrl: url, webhookSecret: secret } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(balance !== undefined ? { platformBalance: Number(balance) } : {}),
    ...(stateFile !== undefined ? { stateFile } : {}),
    ...(values.quiet ? {} : { log: (line: string) => console.log(`[stripe-local] ${line}`) }),
  }
  return { ok: true, options }
}

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(parsed.message)
    console.error(USAGE)
    process.exit(2)
  }
  const server = await startStripeLocal(parsed.options)
  const kept = parsed.options.stateFile ? `, state kept in ${parsed.options.stateFile}` : ''
  console.log(`stripe-local listening on ${server.url} (control API at ${server.url}/__control${kept})`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main()
