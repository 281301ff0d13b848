import { readdirSync, readFileSync } from 'node:fs'

/**
 * The workerd processes of a local server, read from /proc. `wrangler dev` runs two: the runtime that
 * serves the Worker (its isolate, the Durable Objects, D1 and the other local bindings) and wrangler's
 * proxy in front of it, which owns the public port and relays the inspector. Their memory is reported
 * apart: the proxy's is wrangler's, and it grows with every subrequest the Worker makes (it keeps the
 * inspector's events for a DevTools window that never attaches), whatever the Worker does with memory.
 */

export type WorkerdRole = 'runtime' | 'proxy'
export type WorkerdProcess = { pid: number; role: WorkerdRole }

export class WorkerdNotFound extends Error {
  override name = 'WorkerdNotFound'
}

const procFile = (pid: number, file: string) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return ''
  }
}
const commandLine = (pid: number) => procFile(pid, 'cmdline').split('\0')
const parentOf = (pid: number) => Number(/^\d+ \(.*\) \S (\d+)/s.exec(procFile(pid, 'stat'))?.[1] ?? 0)

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let p = parentOf(pid), hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) if (p === ancestor) return true
  return false
}

/** The workerd processes under this one (wrangler runs them as its children); the proxy listens on `port`. */
export function workerdProcesses(port: number): WorkerdProcess[] {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)
  const found = pids
    .filter((pid) => commandLine(pid)[0]?.endsWith('workerd') && descendsFrom(pid, process.pid))
    .map((pid): WorkerdProcess => ({ pid, role: commandLine(pid).some((arg) => arg.endsWith(`=127.0.0.1:${port}`)) ? 'proxy' : 'runtime' }))
  if (!found.some((p) => p.role === 'runtime')) throw new WorkerdNotFound(`no workerd runtime under this process (found ${found.length} workerd): is /proc readable?`)
  return found
}

/** Resident set in MB; NaN once the process is gone. */
export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(procFile(pid, 'status'))?.[1] ?? NaN) / 1024
