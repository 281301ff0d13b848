import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './main'

describe('parseCliArgs', () => {
  it('reads the options npm start passes', () => {
    const r = parseCliArgs(['--port', '12111', '--webhook-url', 'http://127.0.0.1:8787/api/v1/webhooks/stripe', '--webhook-secret', 'whsec_abc', '--seed', '7'])
    expect(r).toMatchObject({
      ok: true,
      options: { port: 12111, host: '127.0.0.1', webhookUrl: 'http://127.0.0.1:8787/api/v1/webhooks/stripe', webhookSecret: 'whsec_abc', seed: '7', webhookMode: 'auto' },
    })
  })

  it('reads --state-file', () => {
    expect(parseCliArgs(['--state-file', '.wrangler/stripe-local-state.json'])).toMatchObject({ ok: true, options: { stateFile: '.wrangler/stripe-local-state.json' } })
    const plain = parseCliArgs([])
    expect(plain.ok && plain.options.stateFile).toBeUndefined()
  })

  it.each([
    [['--port', 'x']],
    [['--state-file', '']],
    [['--webhook-url', 'http://x']],
    [['--webhook-url', 'http://x', '--webhook-secret', 'nope']],
    [['--webhook-mode', 'later']],
    [['--platform-balance', '-1']],
    [['--bogus']],
  ])('refuses %j', (argv) => {
    expect(parseCliArgs(argv).ok).toBe(false)
  })
})

describe('the command', () => {
  it('starts, prints its URL, answers the SDK path, and stops on SIGTERM', async () => {
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
    const child = spawn(tsx, [fileURLToPath(new URL('./main.ts', import.meta.url)), '--port', '0', '--quiet', '--platform-balance', '500'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /listening on (http:\/\/\S+)/.exec(out)
          if (m) resolve(m[1]!)
        })
        child.once('exit', (code) => reject(new Error(`exited ${code}`)))
        setTimeout(() => reject(new Error('no start line')), 15_000)
      })
      const res = await fetch(`${url}/v1/balance`, { headers: { Authorization: 'Bearer sk_test_cli' } })
      expect(await res.json()).toMatchObject({ object: 'balance', available: [{ amount: 500 }] })
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  }, 30_000)
})
