import { defineConfig } from 'vitest/config'

// Browser tests: the whole product under `wrangler dev --local`, driven in Debian's Chromium.
// Slow by nature (a server start, five queues per claim), never a performance measure.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    // One server and one browser per file; files do not share ports, but run them one at a time anyway.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
