import type { Random } from '../../worker/generator/prng'
import type { SimQueues } from './sim-queues'
import type { SimWorld } from './sim-world'

/**
 * The payers answer every claim filed with them: the 835s go into the run's remit queue. Sometimes the
 * payer crashes after sending and before forgetting the claims, and answers them again (same trace).
 */
export async function answerPayers(env: Env, world: SimWorld, queues: SimQueues, atMs: number, crash: { random: Random; chance: number; crashed: () => void } | null): Promise<void> {
  const providers = world.practices.map((p) => p.providerId)
  const { results } = await env.DB.prepare(`SELECT DISTINCT payer_id FROM claims WHERE status = 'submitted' AND provider_id IN (${providers.map(() => '?').join(', ')})`)
    .bind(...providers)
    .all<{ payer_id: string }>()
  for (const { payer_id: payerId } of results) {
    const payer = env.PAYER_SIMULATOR.get(env.PAYER_SIMULATOR.idFromName(payerId))
    const { messages, answered } = await payer.answerDue(atMs)
    for (const m of messages) queues.push('payer-remit', m)
    if (crash && crash.random.chance(crash.chance)) crash.crashed()
    else await payer.forgetAnswered(answered, atMs)
  }
}
