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
    // A strict Content-Security-Policy on every page: SvelteKit adds a nonce (dynamic pages) or a hash
    // (prerendered ones) for its own start-up script, so no other inline script can run. Inline
    // styles stay allowed for the style attributes the charts set.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'connect-src': ['self'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
}

export default config
