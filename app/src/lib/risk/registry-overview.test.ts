import { describe, expect, it } from 'vitest'
import type { RiskModel } from '$contracts'
import { isTraining, registryOverview } from './registry-overview'

const model = (version: number, state: RiskModel['state'], activatedAt: string | null = null): RiskModel => ({
  id: `rm_${version}`,
  version,
  state,
  trigger: 'admin',
  requestedBy: 'admin@claimpay.dev',
  featureVersion: 1,
  params: {},
  report: null,
  error: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  trainedAt: null,
  activatedAt,
  retiredAt: null,
})

describe('registryOverview', () => {
  it('finds the active model and the once-active model a rollback would restore', () => {
    const models = [model(5, 'candidate'), model(4, 'active', '2026-11-20'), model(3, 'retired'), model(2, 'retired', '2026-11-10'), model(1, 'retired', '2026-11-01')]
    const overview = registryOverview(models)
    expect(overview.active?.version).toBe(4)
    // v3 was retired without ever scoring (a candidate left behind): not a rollback target.
    expect(overview.previous?.version).toBe(2)
    expect(overview.training).toBeNull()
  })

  it('offers no rollback without an active model, or when none was active before it', () => {
    expect(registryOverview([model(2, 'failed'), model(1, 'candidate')])).toEqual({ active: null, previous: null, training: null })
    expect(registryOverview([model(1, 'active', '2026-11-01')]).previous).toBeNull()
  })

  it('ignores a retired model newer than the active one (rolled back from)', () => {
    const overview = registryOverview([model(3, 'retired', '2026-11-21'), model(2, 'active', '2026-11-10')])
    expect(overview.previous).toBeNull()
  })

  it('notices a run in progress', () => {
    const models = [model(3, 'training'), model(2, 'active', '2026-11-10')]
    expect(registryOverview(models).training?.version).toBe(3)
    expect(isTraining(models)).toBe(true)
    expect(isTraining([model(2, 'active')])).toBe(false)
  })
})
