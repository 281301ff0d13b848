import { env, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { type LiveFrame, LiveFrame as LiveFrameSchema, type StatusChange } from '../worker/contracts'
import { api, postJson, sampleClaim, testProvider } from '../worker/test/api-client'
import type { ProviderHub } from './provider-hub'

/** Opens the live socket through the API, collecting every frame it receives. */
async function connect(provider: string, since?: number) {
  const res = await api(`/live${since === undefined ? '' : `?since=${since}`}`, provider, { headers: { upgrade: 'websocket' } })
  expect(res.status).toBe(101)
  const ws = res.webSocket!
  const frames: LiveFrame[] = []
  const waiters: (() => void)[] = []
  ws.addEventListener('message', (e) => {
    frames.push(LiveFrameSchema.parse(JSON.parse(String(e.data))))
    for (const w of waiters.splice(0)) w()
  })
  ws.accept()
  async function until(predicate: (frames: LiveFrame[]) => boolean, what: string) {
    for (let i = 0; i < 600 && !predicate(frames); i++) {
      await Promise.race([new Promise<void>((r) => waiters.push(r)), new Promise((r) => setTimeout(r, 100))])
    }
    if (!predicate(frames)) throw new Error(`no ${what} on the live socket`)
  }
  return { ws, frames, until }
}

const statusFrames = (frames: LiveFrame[]) => frames.flatMap((f) => (f.type === 'claim.status' ? [f] : []))

function change(claimId: string, version: number, toStatus: StatusChange['toStatus']): StatusChange {
  return { claimId, claimNumber: 'N-1', version, fromStatus: null, toStatus, billedCents: 1_000, payoutCents: null, payerName: 'Aetna', at: new Date().toISOString() }
}

describe('ProviderHub', () => {
  it('sends a snapshot on connect, then every status change of a claim in order', async () => {
    const provider = testProvider()
    const live = await connect(provider)
    await live.until((f) => f[0]?.type === 'snapshot', 'snapshot')
    expect(live.frames[0]).toMatchObject({ type: 'snapshot', seq: 0, recent: [] })

    const { id } = (await (await postJson('/claims', provider, sampleClaim())).json()) as { id: string }
    await live.until((f) => statusFrames(f).some((s) => s.event.toStatus === 'submitted'), 'submitted change')
    const mine = statusFrames(live.frames).filter((s) => s.event.claimId === id)
    expect(mine.map((s) => s.event.toStatus)).toEqual(['received', 'parsed', 'coded', 'scored', 'approved', 'payout_pending', 'paid', 'submitted'])
    const seqs = mine.map((s) => s.event.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    const last = mine.at(-1)!
    expect(last.counters.byStatus.received).toBe(1)
    expect(last.counters.byStatus.submitted).toBe(1)
    expect(last.counters.paidOutCents).toBe(14_582)
    live.ws.close()
  })

  it('ignores a change it has already seen, so replays do not double the counters', async () => {
    const provider = testProvider()
    const stub = env.PROVIDER_HUB.get(env.PROVIDER_HUB.idFromName(provider))
    expect(await stub.publish([change('clm_A', 1, 'received'), change('clm_A', 2, 'parsed')])).toBe(2)
    expect(await stub.publish([change('clm_A', 1, 'received'), change('clm_A', 2, 'parsed')])).toBe(0)
    const counters = await stub.snapshot()
    expect(counters.byStatus.received).toBe(1)
    expect(counters.byStatus.parsed).toBe(1)
  })

  it('still ignores a replay after its event has left the recent window', async () => {
    const provider = testProvider()
    const stub = env.PROVIDER_HUB.get(env.PROVIDER_HUB.idFromName(provider))
    const paid = { ...change('clm_P', 7, 'paid'), payoutCents: 9_500 }
    expect(await stub.publish([paid])).toBe(1)
    // Push it out of the window the hub keeps for catch-up.
    const others = Array.from({ length: 520 }, (_, i) => change(`clm_O${i}`, 1, 'received'))
    expect(await stub.publish(others)).toBe(520)
    // A duplicate delivery replays the claim's whole history; an upload retry replays version 1.
    expect(await stub.publish([change('clm_P', 1, 'received'), paid, change('clm_O0', 1, 'received')])).toBe(0)
    const counters = await stub.snapshot()
    expect(counters.paidOutCents).toBe(9_500)
    expect(counters.byStatus.paid).toBe(1)
    expect(counters.byStatus.received).toBe(520)
  })

  it('catches a reconnecting dashboard up from the last sequence it saw', async () => {
    const provider = testProvider()
    const stub = env.PROVIDER_HUB.get(env.PROVIDER_HUB.idFromName(provider))
    await stub.publish([change('clm_B', 1, 'received'), change('clm_B', 2, 'parsed'), change('clm_B', 3, 'coded')])
    const live = await connect(provider, 1)
    await live.until((f) => f.length > 0, 'snapshot')
    const snapshot = live.frames[0]
    expect(snapshot?.type).toBe('snapshot')
    if (snapshot?.type === 'snapshot') {
      expect(snapshot.seq).toBe(3)
      expect(snapshot.recent.map((e) => e.toStatus)).toEqual(['parsed', 'coded'])
    }
    live.ws.close()
  })

  it('refuses a request that is not a WebSocket upgrade', async () => {
    const res = await api('/live', testProvider())
    expect(res.status).toBe(426)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('keeps its events in its own SQLite storage', async () => {
    const provider = testProvider()
    const stub = env.PROVIDER_HUB.get(env.PROVIDER_HUB.idFromName(provider))
    await stub.publish([change('clm_C', 1, 'received')])
    const stored = await runInDurableObject(stub, (_hub: ProviderHub, state) => state.storage.sql.exec('SELECT COUNT(*) AS n FROM events').one().n)
    expect(stored).toBe(1)
  })
})
