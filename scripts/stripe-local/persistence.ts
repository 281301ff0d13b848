import { readStateFile, writeStateFile } from './state-file'
import { captureState, restoreState } from './state-snapshot'
import type { StatefulParts } from './state-snapshot'

/**
 * Keeps a server's state in a file across restarts (the `stateFile` option): loaded once at start,
 * written after anything that changed it. `npm start` needs this because the Worker's local database
 * outlives the process and still names the connected accounts created by an earlier run.
 */
export class StatePersister {
  private lastWritten: string | null = null
  private lastError: string | null = null
  private closed = false

  private constructor(
    private readonly path: string,
    private readonly parts: StatefulParts,
    private readonly warn: (line: string) => void,
  ) {}

  /** Loads `path` into `parts` (a bad file is set aside with one warning, and the server starts empty). */
  static open(path: string, parts: StatefulParts, warn: (line: string) => void): StatePersister {
    const read = readStateFile(path)
    if (read.kind === 'loaded') restoreState(parts, read.state)
    if (read.kind === 'unreadable') {
      const kept = read.keptAs ? `kept as ${read.keptAs}` : 'it could not be moved aside and will be overwritten'
      warn(`state file ${path} is unusable (${read.reason}); starting empty, ${kept}`)
    }
    const persister = new StatePersister(path, parts, warn)
    // At once, so an unwritable path is reported at start rather than after the first payout.
    persister.save()
    return persister
  }

  /**
   * Writes the state if it differs from what was last written. Comparing the serialized text makes a
   * read-only request cost one serialization and no I/O; it also catches changes no caller announces
   * (a payout settling because a GET noticed its arrival date passed, an expired idempotency key).
   */
  save(): void {
    if (this.closed) return
    const text = `${JSON.stringify(captureState(this.parts), null, 2)}\n`
    if (text === this.lastWritten) return
    try {
      writeStateFile(this.path, text)
      this.lastWritten = text
      this.lastError = null
    } catch (e) {
      // Serving goes on from memory; the same failure is reported once, not on every request.
      const message = e instanceof Error ? e.message : String(e)
      if (message !== this.lastError) this.warn(`cannot write state file ${this.path}: ${message}`)
      this.lastError = message
    }
  }

  /** The last write; after it, a straggling webhook attempt must not overwrite a file a new server may own. */
  close(): void {
    this.save()
    this.closed = true
  }
}

/**
 * The same object with a save after every method returns (after the promise settles for async ones):
 * every control operation, in process or over HTTP, is followed by a write if it changed anything.
 */
export function savingAfterEach<T extends object>(target: T, save: () => void): T {
  const wrapped: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') {
      wrapped[name] = value
      continue
    }
    wrapped[name] = (...args: unknown[]) => {
      const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
      if (result instanceof Promise) return result.finally(save)
      save()
      return result
    }
  }
  return wrapped as T
}
