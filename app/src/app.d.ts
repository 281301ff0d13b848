// Minimal local shapes for what the Worker hands the SvelteKit handler (see worker/index.ts): the app does
// not depend on the Worker's generated Env.

/** The in-process API: the Worker's Hono app, reached without a network hop. */
interface InProcessApi {
  fetch(request: Request): Promise<Response>
}

interface KitExecutionContext {
  waitUntil(promise: Promise<unknown>): void
  passThroughOnException(): void
}

declare global {
  namespace App {
    interface Error {
      message: string
    }
    interface Platform {
      /** The Worker's env plus the in-process API; the app reads only these members of it. */
      env: { API: InProcessApi; ENVIRONMENT?: string }
      context: KitExecutionContext
    }
  }
}

export {}
