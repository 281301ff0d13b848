import { unstable_startWorker } from 'wrangler'

/**
 * `wrangler dev --local` without the inspector: the CLI always opens one, and its proxy then keeps every
 * console and network event of the Worker for a DevTools window that never attaches, so its memory grows
 * with the Worker's work. A long memory benchmark measures the Worker, not that buffer.
 * Started by scripts/local-server.ts (`inspector: false`); arguments: PORT PERSIST_DIR ENV_FILE...
 */

const [port, persist, ...envFiles] = process.argv.slice(2)
if (!port || !persist) {
  console.error('usage: tsx scripts/dev-without-inspector.ts PORT PERSIST_DIR ENV_FILE...')
  process.exit(2)
}

const worker = await unstable_startWorker({
  config: 'wrangler.toml',
  envFiles,
  dev: {
    inspector: false,
    server: { hostname: '127.0.0.1', port: Number(port) },
    persist,
    watch: false,
    logLevel: 'log',
    remote: false,
    ...(process.env.WRANGLER_REGISTRY_PATH ? { registry: process.env.WRANGLER_REGISTRY_PATH } : {}),
  },
})
await worker.ready
console.log(`Ready on ${await worker.url} (no inspector)`)

const stop = async () => {
  await worker.dispose()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
