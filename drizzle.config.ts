import { defineConfig } from 'drizzle-kit'

// `npm run db:generate` writes SQL migrations that wrangler applies (`wrangler d1 migrations apply`).
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./worker/db/schema.ts', './worker/db/schema-identity.ts', './worker/db/schema-risk.ts', './worker/db/schema-money.ts', './worker/db/schema-remittance.ts', './worker/db/schema-ledger.ts', './worker/db/schema-cut.ts'],
  out: './migrations',
})
