import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Runs the whole product (`wrangler dev --local`) for benchmarks and browser tests, and makes sure
 * it goes away again: wrangler starts workerd as a child, so the server is spawned as its own process
 * group and stopped as a group.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler')

export type LocalServerOptions = {
  port: number
  /**
   * Where D1/R2/DO/queue state lives. Omitted: a temp dir removed on stop when `fresh`, else wrangler's
   * default `.wrangler/state`. A given dir is never removed.
   */
  persistDir?: string
  /** Apply migrations into a new state dir: the given persistDir (must be empty or missing) or a temp one. */
  fresh: boolean
  /** How long to wait for `GET /api/v1/health` to answer 200. */
  readyTimeoutMs?: number
  /** Echo wrangler's output to this process's stderr (its tail is always kept for error messages). */
  echo?: boolean
  /** Also write all of wrangler's output to this file. */
  logFile?: string
}

export type LocalServer = {
  url: string
  persistDir: string
  /** The last few KB of wrangler's output, ANSI colours removed: for error reports. */
  outputTail(): string
  stop(): Promise<void>
}

export class LocalServerError extends Error {
  override name = 'LocalServerError'
}

const OUTPUT_TAIL_CHARS = 4000

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const ownsDir = options.fresh && !options.persistDir
  const persistDir = options.persistDir
    ? resolve(options.persistDir)
    : options.fresh
      ? mkdtempSync(join(tmpdir(), 'claimpay-local-'))
      : join(ROOT, '.wrangler', 'state') // wrangler's own default, shared with a plain `wrangler dev`
  if (options.fresh && options.persistDir && existsSync(persistDir) && readdirSync(persistDir).length > 0) {
    throw new LocalServerError(`fresh: true needs an empty or missing persistDir, and ${persistDir} has files in it.`)
  }
  const url = `http://127.0.0.1:${options.port}`

  if (await portInUse(options.port)) {
    if (ownsDir) rmSync(persistDir, { recursive: true, force: true })
    throw new LocalServerError(`Port ${options.port} on 127.0.0.1 is already in use: is another local server running?`)
  }

  try {
    if (options.fresh) await applyMigrations(persistDir)
  } catch (error) {
    if (ownsDir) rmSync(persistDir, { recursive: true, force: true })
    throw error
  }

  // Several servers (bench, e2e, a developer's `npm start`) may run at once: each gets its own inspector port.
  const inspectorPort = await freePort()
  const args = [
    'dev',
    '--local',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--inspector-port', String(inspectorPort),
    '--persist-to', persistDir,
    '--show-interactive-dev-session=false',
    '--log-level', 'warn',
  ]
  // A fresh checkout has no .dev.vars yet (it is gitignored): fall back to the committed example.
  if (!existsSync(join(ROOT, '.dev.vars'))) args.push('--env-file', join(ROOT, '.dev.vars.example'))

  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    detached: true, // its own process group, so stop() reaches workerd too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  let output = ''
  const log = options.logFile ? createWriteStream(options.logFile) : null
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS * 2)
    if (options.echo) process.stderr.write(chunk)
    log?.write(chunk)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null
  const exitedPromise = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal }
      done()
    }),
  )

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || exited) return
    try {
      process.kill(-child.pid, signal)
    } catch {
      // already gone
    }
  }
  // Last resort if the caller never stops us: `exit` handlers must be synchronous.
  const onExit = () => {
    killGroup('SIGKILL')
    if (ownsDir) rmSync(persistDir, { recursive: true, force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    onExit()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('exit', onExit)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  let stopped: Promise<void> | null = null
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', onExit)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      killGroup('SIGTERM')
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000)
      await exitedPromise
      clearTimeout(timer)
      // wrangler may exit before workerd does: make sure nothing of the group is left.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // the group is empty
        }
      }
      if (ownsDir) rmSync(persistDir, { recursive: true, force: true })
      log?.end()
    })()
    return stopped
  }

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000)
  while (true) {
    if (exited) {
      const { code, signal } = exited
      await stop()
      throw new LocalServerError(`wrangler dev exited before it was ready (code ${code}, signal ${signal}). Last output:\n${tail(output)}`)
    }
    if (await healthy(url)) return { url, persistDir, outputTail: () => tail(output), stop }
    // wrangler keeps running after a failed build, waiting for a file change: do not wait for nothing.
    if (/Build failed/.test(output)) {
      await stop()
      throw new LocalServerError(`wrangler dev could not build the Worker (is app/ built? \`npx vite build\` in app/). Last output:\n${tail(output)}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new LocalServerError(`${url}/api/v1/health did not answer 200 within ${options.readyTimeoutMs ?? 90_000} ms. Last output of wrangler dev:\n${tail(output)}`)
    }
    await sleep(250)
  }
}

async function applyMigrations(persistDir: string): Promise<void> {
  const args = ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir]
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' },
  })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')))
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)))
  if (code !== 0) throw new LocalServerError(`Applying D1 migrations failed (exit ${code}):\n${tail(output)}`)
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
    server.once('error', () => done(true))
    server.listen(port, '127.0.0.1', () => server.close(() => done(false)))
  })
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

function tail(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '')
  return plain.slice(-OUTPUT_TAIL_CHARS).trimEnd() || '(no output)'
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
