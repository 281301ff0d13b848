import { applyD1Migrations, env } from 'cloudflare:test'

// Runs before every test file in workerd; applying is idempotent (d1_migrations records what ran).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
