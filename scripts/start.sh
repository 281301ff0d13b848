#!/usr/bin/env bash
# `npm start`: the whole product on http://127.0.0.1:8787 with a seeded demo provider.
# Installs what is missing, builds the app, applies local D1 migrations, serves, seeds, prints what to open.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8787}"
# Offline by design: no wrangler metrics, no fetch of the Request.cf sample at every start.
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi
[ -f .dev.vars ] || { cp .dev.vars.example .dev.vars; echo "Created .dev.vars from .dev.vars.example (development settings)."; }

echo "Building the provider app..."
npm run --silent build:app >/dev/null

echo "Applying D1 migrations to the local database (.wrangler/state)..."
CI=true npx wrangler d1 migrations apply DB --local >/dev/null

echo "Starting the Worker (wrangler dev --local) on http://127.0.0.1:${PORT} ..."
npx wrangler dev --local --ip 127.0.0.1 --port "$PORT" --show-interactive-dev-session=false --test-scheduled &
SERVER=$!
# wrangler runs workerd as a child of a child: stopping means the whole process group, not one pid.
trap 'trap - EXIT INT TERM; kill 0 2>/dev/null' EXIT INT TERM

npx tsx scripts/seed-demo.ts "http://127.0.0.1:${PORT}"
wait $SERVER
