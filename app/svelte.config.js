import adapter from '@sveltejs/adapter-cloudflare'
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'
import { fileURLToPath } from 'node:url'

/**
 * The adapter resolves `config` against the process cwd, so it gets an absolute path: the build then
 * works whether it is started from app/ or elsewhere. Its own small wrangler config keeps it from
 * overwriting the real Worker entry named by ../wrangler.toml.
 */
const kitWranglerConfig = fileURLToPath(new URL('./wrangler.kit.toml', import.meta.url))

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ config: kitWranglerConfig }),
    alias: {
      $contracts: '../worker/contracts',
    },
  },
}

export default config
