import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // The shared contracts live in ../worker/contracts.
    fs: { allow: ['..'] },
  },
})
