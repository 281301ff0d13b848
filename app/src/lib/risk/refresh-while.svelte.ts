import { invalidate } from '$app/navigation'

/**
 * Re-runs the loads that depend on `dependency` every few seconds while `active()` holds: a training
 * run ends in the background, and the page should show the outcome without a manual reload. Each
 * refresh waits for the previous one, so a slow server never piles requests up.
 */
export function refreshWhile(active: () => boolean, dependency: `${string}:${string}`, everyMs = 3000): void {
  $effect(() => {
    if (!active()) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const tick = async () => {
      await invalidate(dependency).catch(() => {})
      if (!stopped) timer = setTimeout(tick, everyMs)
    }
    timer = setTimeout(tick, everyMs)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  })
}
