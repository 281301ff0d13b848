import type { ApiSession } from '../../scripts/api-session'

/** What the benches read from GET /admin/generation/status (worker/generator/runner/run-state.ts). */
export type RunnerStatusBody = {
  scenario: string
  running: boolean
  endedBecause: 'stopped' | 'completed' | null
  providerId: string
  claimsGenerated: number
  claimsWritten: number
  rate: { lastMinutePerSecond: number; sinceStartPerSecond: number }
  patterns: Record<string, number>
  simulatedNow: string
  startedAt: string
  stoppedAt: string | null
}

export const startRunner = (admin: ApiSession, body: Record<string, unknown>) => admin.json<RunnerStatusBody>('POST', '/admin/generation/start', body, [201])
export const runnerStatus = (admin: ApiSession, scenario: string) => admin.json<RunnerStatusBody>('GET', `/admin/generation/status?scenario=${scenario}`)
export const stopRunner = (admin: ApiSession, scenario: string) => admin.json<RunnerStatusBody>('POST', '/admin/generation/stop', { scenario })

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
