#!/usr/bin/env bash
# Fails when worker-configuration.d.ts is not what `npm run types` generates from wrangler.toml and
# .dev.vars.example. (`wrangler types --check` reads .dev.vars instead of --env-file, so it cannot
# be used on a clean machine.) The header line naming the command is not compared.
set -euo pipefail
cd "$(dirname "$0")/.."
# Beside the real file: the generated imports are relative to where the file is written.
fresh="worker-configuration.check.d.ts"
trap 'rm -f "$fresh"' EXIT
npx wrangler types "$fresh" --env-file .dev.vars.example >/dev/null
if ! diff -q <(sed 2d worker-configuration.d.ts) <(sed 2d "$fresh") >/dev/null; then
  echo "worker-configuration.d.ts is out of date with wrangler.toml: run 'npm run types' and commit it." >&2
  exit 1
fi
echo "worker-configuration.d.ts is up to date."
