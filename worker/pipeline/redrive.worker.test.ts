import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from '../index'
import { createD1ClaimStore } from '../claims'
import { newId } from '../ids'
import { eventually, sampleClaim, testProvider } from '../test/api-client'

describe('the re-drive cron', () => {
  it('sends on a claim whose message was lost, and leaves a fresh one alone', async () => {
    const provider = testProvider()
    await env.DB.prepare("INSERT OR IGNORE INTO providers (id, name) VALUES (?, 'Test')").bind(provider).run()
    const store = createD1ClaimStore(env.DB)
    // Stored 20 minutes ago with no message sent: as if the queue had lost it.
    const lost = newId('clm')
    await store.insertClaims(provider, [{ id: lost, input: sampleClaim() }], new Date(Date.now() - 20 * 60_000).toISOString())
    const fresh = newId('clm')
    await store.insertClaims(provider, [{ id: fresh, input: sampleClaim() }], new Date().toISOString())

    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)

    await eventually(async () => (await store.findClaim(provider, lost))?.status === 'submitted', 'the lost claim to be submitted')
    expect((await store.findClaim(provider, fresh))?.status).toBe('received')
  })
})
