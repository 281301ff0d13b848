import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { checkStateFile } from './state-format'
import type { StateFile } from './state-format'

export type StateRead =
  | { kind: 'absent' }
  | { kind: 'loaded'; state: StateFile }
  /** `keptAs` is where the bad file now is, or null when it could not be moved aside. */
  | { kind: 'unreadable'; reason: string; keptAs: string | null }

/**
 * Reads a state file. A missing file is a first start; a file that cannot be read, parsed or checked
 * is moved to `PATH.corrupt` so the server can start empty without overwriting what someone may
 * want to look at.
 */
export function readStateFile(path: string): StateRead {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' }
    return setAside(path, `it cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return setAside(path, 'it is not valid JSON')
  }
  const checked = checkStateFile(json)
  return checked.ok ? { kind: 'loaded', state: checked.state } : setAside(path, checked.reason)
}

function setAside(path: string, reason: string): StateRead {
  const keptAs = `${path}.corrupt`
  try {
    renameSync(path, keptAs)
    return { kind: 'unreadable', reason, keptAs }
  } catch {
    return { kind: 'unreadable', reason, keptAs: null }
  }
}

/**
 * Replaces the file in one step: written beside it, then renamed over it, so a reader or a restart
 * after this process dies mid-write sees the old state or the new one, never half of each. No fsync:
 * losing the last write to a power cut is acceptable for a local endpoint, paying for one per
 * request is not.
 */
export function writeStateFile(path: string, text: string): void {
  const tmp = `${path}.tmp`
  mkdirSync(dirname(path), { recursive: true })
  // Owner-only: the file holds account details (names, emails, last four digits) of local test data.
  writeFileSync(tmp, text, { mode: 0o600 })
  renameSync(tmp, path)
}
