import { tick } from 'svelte'
import { goto } from '$app/navigation'
import { page } from '$app/state'
import type { Problem } from '$contracts'
import type { SendResult } from '$lib/api/mutate'
import { sessionRedirect } from '$lib/auth/session'
import { splitProblem, type SplitProblem } from './field-errors'

type Options = {
  /** Signed-in pages: a 401 goes to sign-in and a missing second factor to the security page. */
  followSession?: boolean
}

/**
 * One form's submission: busy while a request is out, then the problem split between its fields and
 * the form. Focus moves to the first field in error so keyboard and screen-reader users land on it.
 */
export class FormState<F extends string> {
  busy = $state(false)
  problem = $state<Problem | null>(null)
  retryAfterSeconds = $state<number | null>(null)
  readonly fields: readonly F[]
  readonly #options: Options
  readonly #split: SplitProblem

  constructor(fields: readonly F[], options: Options = {}) {
    this.fields = fields
    this.#options = options
    this.#split = $derived(splitProblem(this.problem, fields))
  }

  /** The message to show beside a field, if any. */
  error(field: F): string | undefined {
    return this.#split.byField[field]
  }

  /** What is left to show above the form once field messages are placed. */
  get formProblem(): Problem | null {
    return this.#split.rest
  }

  reset(): void {
    this.problem = null
    this.retryAfterSeconds = null
  }

  /** Runs a request unless one is already out; `{ data }` on success, null on failure. */
  async submit<T>(request: () => Promise<SendResult<T>>, form?: HTMLFormElement | null): Promise<{ data: T } | null> {
    if (this.busy) return null
    this.busy = true
    this.reset()
    try {
      const result = await request()
      if (result.ok) return { data: result.data }
      if (this.#options.followSession) {
        const target = sessionRedirect(result.problem, page.url)
        if (target) {
          await goto(target, { invalidateAll: true })
          return null
        }
      }
      this.problem = result.problem
      this.retryAfterSeconds = result.retryAfterSeconds
      await tick()
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return null
    } finally {
      this.busy = false
    }
  }
}
