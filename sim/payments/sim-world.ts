import { chunk, createD1ClaimStore, sealClaimPhi } from '../../worker/claims'
import { readConfig, stripeSettings } from '../../worker/config'
import { ledgerSchema, moneySchema, openDb, schema } from '../../worker/db'
import { recentClaimInputs } from '../../worker/generator/export'
import { generateProvider, type Provider } from '../../worker/generator/engine'
import { loadKeyring } from '../../worker/identity'
import { newId } from '../../worker/ids'
import { onboardProvider } from '../../worker/payments/onboard-provider'
import { createStripeClient } from '../../worker/payments/stripe'
import type { SimQueues } from './sim-queues'

/** Stripe's test account number whose payouts the bank returns (account_closed): one practice banks there. */
export const CLOSED_ACCOUNT = '000111111113'
const GOOD_ACCOUNT = '000123456789'
/** A routing number that passes the ABA checksum (Stripe's test routing number). */
const ROUTING = '110000000'
const CLAIMS_PER_INSERT = 50

export type SimPractice = { provider: Provider; providerId: string; bankReturnsPayouts: boolean }
export type SimPool = { poolId: string; partnerId: string }

export type SimWorld = { practices: SimPractice[]; pools: SimPool[]; claimIds: string[] }

export type WorldOptions = { seed: number; claims: number; practices: number; runId: string; today: string }

/**
 * Practices with their bank accounts connected (one whose bank returns every payout), two partner pools
 * with no money yet (the run funds them as claims wait), and the claims, received as an upload's rows
 * are: patient and note sealed, each sent to the parse step through the run's queues.
 */
export async function buildWorld(env: Env, queues: SimQueues, options: WorldOptions): Promise<SimWorld> {
  const db = openDb(env.DB)
  const settings = stripeSettings(readConfig(env))
  if (!settings) throw new Error('the payments simulation needs STRIPE_API_BASE and STRIPE_SECRET_KEY')
  const stripe = createStripeClient({ apiKey: settings.apiKey, host: settings.host, port: settings.port, protocol: settings.protocol })
  const at = new Date()

  const practices: SimPractice[] = []
  const perPractice = Math.ceil(options.claims / options.practices)
  for (let i = 0; i < options.practices; i++) {
    // Enough claims a day that the last 30 days hold this practice's share.
    const provider = generateProvider({ seed: options.seed * 31 + i, claimsPerDay: Math.min(1_000, Math.ceil(perPractice / 15) + 10) })
    const providerId = `prv_sim${options.runId}${i}`
    const bankReturnsPayouts = options.practices > 1 && i === options.practices - 1
    await db.insert(schema.providers).values({ id: providerId, name: provider.name, npi: provider.organizationNpi, cutBps: 500 - 50 * (i % 3) })
    const onboarded = await onboardProvider(stripe, {
      providerId,
      legalName: provider.name,
      email: `billing+${i}@sim.claimpay.dev`,
      routingNumber: ROUTING,
      accountNumber: bankReturnsPayouts ? CLOSED_ACCOUNT : GOOD_ACCOUNT,
      accountHolderType: 'company',
      acceptedAt: at,
      acceptedIp: '127.0.0.1',
    })
    if (!onboarded.ok) throw new Error(`onboarding practice ${i} failed: ${onboarded.reason}`)
    await db.insert(moneySchema.stripeAccounts).values({ providerId, accountId: onboarded.accountId, bankLast4: onboarded.bankLast4, routingLast4: onboarded.routingLast4, payoutsEnabled: onboarded.payoutsEnabled, createdAt: at.toISOString() })
    practices.push({ provider, providerId, bankReturnsPayouts })
  }

  const pools: SimPool[] = [0, 1].map((i) => ({ poolId: `pool_sim${options.runId}${i}`, partnerId: `bank_sim${options.runId}${i}` }))
  await db.insert(ledgerSchema.fundingPools).values(pools.map((p, i) => ({ id: p.poolId, partnerId: p.partnerId, name: `Simulation pool ${i + 1}`, priority: 10 + i })))

  const keyring = await loadKeyring(env)
  const store = createD1ClaimStore(env.DB)
  const claimIds: string[] = []
  for (const [i, practice] of practices.entries()) {
    const count = Math.min(perPractice, options.claims - claimIds.length)
    const inputs = recentClaimInputs({ seed: options.seed * 31 + i, provider: practice.provider, count, today: options.today })
    for (const part of chunk(inputs, CLAIMS_PER_INSERT)) {
      const drafts = await Promise.all(
        part.map(async (input) => {
          const id = newId('clm')
          return { id, input, phi: await sealClaimPhi(keyring, id, input) }
        }),
      )
      await store.insertClaims(practice.providerId, drafts, new Date().toISOString())
      for (const d of drafts) {
        claimIds.push(d.id)
        queues.push('claims-ingest', { step: 'parse', claimId: d.id, providerId: practice.providerId })
      }
    }
  }
  return { practices, pools, claimIds }
}
