import { spawn, spawnSync } from 'node:child_process'
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Runs the whole product (`wrangler dev --local`) for benchmarks and browser tests, and makes sure
 * it goes away again: wrangler starts workerd as a child, so the server is spawned as its own process
 * group and stopped as a group.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

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
  /** Keep all of wrangler's output in memory for `output()`: tests that check what the Worker logged. */
  captureOutput?: boolean
  /**
   * Serve a copy of the sources taken now instead of the working tree. wrangler dev restarts workerd
   * when a watched file changes, which drops in-memory queue messages and WebSockets: a benchmark or a
   * browser test would stall whenever someone saves a file. The copy is removed on stop.
   */
  snapshot?: boolean
  /**
   * false: serve without wrangler's inspector (scripts/dev-without-inspector.ts). Its proxy keeps every event
   * of the Worker for a DevTools window, which a long memory measurement would count as the Worker's.
   */
  inspector?: boolean
}

export type LocalServer = {
  url: string
  persistDir: string
  /** The last few KB of wrangler's output, ANSI colours removed: for error reports. */
  outputTail(): string
  /** Everything wrangler and the Worker wrote to stdout and stderr since the start (needs `captureOutput`). */
  output(): string
  /** How many times wrangler rebuilt and restarted the Worker since it came up (should stay 0). */
  reloads(): number
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

  const cwd = options.snapshot ? snapshotSources() : ROOT
  // Every `wrangler dev` on the machine shares a registry of running Workers and reloads whenever another
  // one starts or stops; a private registry keeps a bench or test server from restarting mid-run.
  const registry = mkdtempSync(join(tmpdir(), 'claimpay-registry-'))
  const cleanUp = () => {
    if (ownsDir) rmSync(persistDir, { recursive: true, force: true })
    if (cwd !== ROOT) rmSync(cwd, { recursive: true, force: true })
    rmSync(registry, { recursive: true, force: true })
  }
  try {
    if (options.fresh) await applyMigrations(cwd, persistDir)
  } catch (error) {
    cleanUp()
    throw error
  }

  // The committed example first, a developer's .dev.vars (gitignored, maybe missing) over it: a fresh
  // checkout has none, and one written before a setting existed (PHI_KEYS ...) still gets that setting.
  // Benches and browser tests pay through the sandbox rail last: the Stripe path needs the local Stripe
  // endpoint and an onboarded bank account per practice, and is tested in workerd (worker/pipeline).
  const envFiles = [join(cwd, '.dev.vars.example'), ...(existsSync(join(cwd, '.dev.vars')) ? [join(cwd, '.dev.vars')] : []), sandboxRailEnvFile(registry)]
  const [command, args] =
    options.inspector === false
      ? [TSX, [join(cwd, 'scripts', 'dev-without-inspector.ts'), String(options.port), persistDir, ...envFiles]]
      : [WRANGLER, await wranglerDevArgs(options.port, persistDir, envFiles)]

  const child = spawn(command, args, {
    cwd,
    detached: true, // its own process group, so stop() reaches workerd too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...wranglerEnv(), FORCE_COLOR: '0', WRANGLER_REGISTRY_PATH: registry },
  })
  let output = ''
  const everything: string[] = []
  let reloads = 0
  if (options.logFile) mkdirSync(dirname(options.logFile), { recursive: true })
  const log = options.logFile ? createWriteStream(options.logFile) : null
  log?.on('error', () => {}) // a log that cannot be written must not take the server down
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    reloads += text.match(/Reloading local server|Detected changes, restarted server/g)?.length ?? 0
    output = (output + text).slice(-OUTPUT_TAIL_CHARS * 2)
    if (options.captureOutput) everything.push(text)
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
    cleanUp()
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
      cleanUp()
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
    if (await healthy(url)) {
      reloads = 0 // only restarts while serving matter
      const all = () => {
        if (!options.captureOutput) throw new LocalServerError('output() needs captureOutput: true')
        return everything.join('')
      }
      return { url, persistDir, outputTail: () => tail(output), output: all, reloads: () => reloads, stop }
    }
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

async function wranglerDevArgs(port: number, persistDir: string, envFiles: string[]): Promise<string[]> {
  // Several servers (bench, e2e, a developer's `npm start`) may run at once: each gets its own inspector port.
  const inspectorPort = await freePort()
  return [
    'dev',
    '--local',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--inspector-port', String(inspectorPort),
    '--persist-to', persistDir,
    '--show-interactive-dev-session=false',
    '--log-level', 'log', // not quieter: the reload notices are at this level
    ...envFiles.flatMap((file) => ['--env-file', file]),
  ]
}

/** What wrangler needs to build and serve the Worker, copied to a temp dir; node_modules is linked. */
const SNAPSHOT_ENTRIES = [
  'wrangler.toml',
  'package.json',
  'tsconfig.json',
  'worker-configuration.d.ts',
  '.dev.vars',
  '.dev.vars.example',
  'worker',
  'scripts/dev-without-inspector.ts',
  'queues',
  'durable-objects',
  'migrations',
  'data',
  'app/.svelte-kit',
]

/** A last env file that leaves STRIPE_API_BASE blank (unset), which selects the sandbox payout rail. */
function sandboxRailEnvFile(dir: string): string {
  const file = join(dir, 'sandbox-rail.env')
  writeFileSync(file, 'STRIPE_API_BASE = ""\n')
  return file
}

function snapshotSources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimpay-src-'))
  for (const entry of SNAPSHOT_ENTRIES) {
    const from = join(ROOT, entry)
    if (!existsSync(from)) continue
    mkdirSync(dirname(join(dir, entry)), { recursive: true })
    cpSync(from, join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${sep}node_modules`) })
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

/** wrangler serves pages through the built SvelteKit worker: build it when it is missing. */
export function ensureAppBuilt(): void {
  if (existsSync(join(ROOT, 'app', '.svelte-kit', 'cloudflare', '_worker.js'))) return
  console.log('Building the SvelteKit app (app/.svelte-kit/cloudflare is missing) ...')
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], { cwd: join(ROOT, 'app'), stdio: 'inherit' })
  if (built.status !== 0) throw new LocalServerError(`vite build in app/ failed (exit ${built.status})`)
}

/**
 * wrangler offline: no metrics, and no fetch of the `Request.cf` sample (miniflare's default), which
 * would try the network at every start and fall back to a placeholder anyway.
 */
function wranglerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: '1', NO_COLOR: '1' }
}

export async function applyMigrations(cwd: string, persistDir: string): Promise<void> {
  const args = ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir]
  const child = spawn(WRANGLER, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: wranglerEnv(),
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
