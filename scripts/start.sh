#!/usr/bin/env bash
# `npm start`: the whole product on http://127.0.0.1:8787 with a seeded demo practice and its logins.
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
if [ ! -f .dev.vars ]; then
  cp .dev.vars.example .dev.vars
  echo "Created .dev.vars from .dev.vars.example (development settings)."
else
  # A .dev.vars from before a setting existed would start a Worker that refuses every request needing
  # it (PHI_KEYS, SESSION_SIGNING_KEY, ...): add what is missing, keep what the developer chose.
  added=()
  [ -z "$(tail -c1 .dev.vars)" ] || echo >> .dev.vars
  while IFS= read -r line; do
    key="${line%%=*}"; key="${key%"${key##*[![:space:]]}"}"
    grep -Eq "^[[:space:]]*${key}[[:space:]]*=" .dev.vars || { printf '%s\n' "$line" >> .dev.vars; added+=("$key"); }
  done < <(grep -E '^[A-Z][A-Z0-9_]*[[:space:]]*=' .dev.vars.example)
  [ ${#added[@]} -eq 0 ] || echo "Added to .dev.vars from .dev.vars.example: ${added[*]}"
  if grep -Eq '^[[:space:]]*DEV_DEMO_PROVIDER[[:space:]]*=' .dev.vars; then
    echo "Note: DEV_DEMO_PROVIDER in .dev.vars is no longer used (real accounts replaced the demo provider); you can delete it."
  fi
fi

echo "Building the provider app..."
npm run --silent build:app >/dev/null

echo "Applying D1 migrations to the local database (.wrangler/state)..."
CI=true npx wrangler d1 migrations apply DB --local >/dev/null

# wrangler runs workerd as a child of a child: stopping means the whole process group, not one pid.
# Set before anything starts in the background, so the local Stripe endpoint stops with the Worker.
trap 'trap - EXIT INT TERM; kill 0 2>/dev/null' EXIT INT TERM

# The payout rail's local Stripe endpoint, where .dev.vars points STRIPE_API_BASE (a loopback URL),
# delivering signed webhooks to the Worker with the secret the Worker checks them with.
dev_var() { sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*[\"']?([^\"']*)[\"']?[[:space:]]*$/\1/p" .dev.vars | tail -n1; }
STRIPE_BASE="$(dev_var STRIPE_API_BASE)"
if [[ "$STRIPE_BASE" =~ ^http://(127\.0\.0\.1|localhost):([0-9]+)/?$ ]]; then
  STRIPE_PORT="${BASH_REMATCH[2]}"
  echo "Starting the local Stripe endpoint on http://127.0.0.1:${STRIPE_PORT} ..."
  # The platform's balance funds every demo payout (cents). Its state is kept beside the local D1
  # database, which still names the demo practice's connected account at the next start.
  npx tsx scripts/stripe-local/main.ts --port "$STRIPE_PORT" --quiet --platform-balance 100000000000 \
    --state-file .wrangler/stripe-local-state.json \
    --webhook-url "http://127.0.0.1:${PORT}/api/v1/webhooks/stripe" --webhook-secret "$(dev_var STRIPE_WEBHOOK_SECRET)" &
  for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/${STRIPE_PORT}") 2>/dev/null && break
    sleep 0.5
  done
else
  echo "STRIPE_API_BASE in .dev.vars is not a local endpoint: not starting the local Stripe endpoint."
fi

echo "Starting the Worker (wrangler dev --local) on http://127.0.0.1:${PORT} ..."
npx wrangler dev --local --ip 127.0.0.1 --port "$PORT" --show-interactive-dev-session=false --test-scheduled &
SERVER=$!

npx tsx scripts/seed-demo.ts "http://127.0.0.1:${PORT}"
wait $SERVER
