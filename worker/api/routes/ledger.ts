import { createRoute, z } from '@hono/zod-openapi'
import { readJournals } from '../../payments/d1/d1-ledger'
import { ledgerReport } from '../../payments/ledger'
import { apiRouter, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'

const Cents = z.string().regex(/^-?\d+$/)
const DimensionBalance = z.object({ account: z.string(), id: z.string(), balanceCents: Cents })

const LedgerBalances = z.object({
  journalCount: z.int(),
  trialBalance: z.object({ debitCents: Cents, creditCents: Cents }),
  accounts: z.array(z.object({ account: z.string(), balanceCents: Cents })),
  byDimension: z.object({ poolId: z.array(DimensionBalance), payerId: z.array(DimensionBalance), providerId: z.array(DimensionBalance), partnerId: z.array(DimensionBalance) }),
  pools: z.array(z.object({ poolId: z.string(), cashCents: Cents, exposureCents: Cents })),
  problems: z.array(z.record(z.string(), z.unknown())),
})

/**
 * Balances are folded from every journal on each request rather than kept as running totals, so what
 * admins read is always what the entries say, and the audit (checkLedger) runs over the same lines.
 */
export const ledgerRoutes = apiRouter().openapi(
  createRoute({
    method: 'get',
    path: '/admin/ledger/balances',
    summary: 'Ledger balances per account, pool, payer, provider and partner, with the ledger audit',
    middleware: [adminAccess],
    responses: { 200: jsonOk('Balances (integer cents as decimal strings) and any ledger problems', LedgerBalances), 401: problem('No valid Cloudflare Access token') },
  }),
  async (c) => c.json(ledgerReport(await readJournals(c.env.DB)), 200),
)
