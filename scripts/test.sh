#!/usr/bin/env bash
# `npm test`: every test. Types and generated Env first, then domain tests (Node), routes, queues and
# Durable Objects (workerd via the vitest pool), then the browser test (Chromium against wrangler dev).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
mkdir -p test-results

step() { printf '\n== %s\n' "$1"; }

step "generated Env matches wrangler.toml"
npm run --silent types:check

step "build the provider app"
npm run --silent build:app >/dev/null

step "typecheck: tsc"
npx tsc --noEmit -p .

step "typecheck: svelte-check"
npm run --silent check:app

step "unit and workerd tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

step "browser tests (Chromium via playwright-core)"
npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json

node -e '
const files = ["test-results/vitest.json", "test-results/e2e.json"].map((f) => require("./" + f));
const sum = (k) => files.reduce((n, r) => n + r[k], 0);
console.log(`\n${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
'
