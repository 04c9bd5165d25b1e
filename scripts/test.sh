#!/usr/bin/env bash
# The whole test suite: lint, typecheck, unit tests, a production build, end-to-end tests in Chromium,
# and the scale test (real PostgreSQL, an S3-compatible bucket, two studio instances).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .tmp

step() { printf '\n\033[1m▶ %s\033[0m\n' "$1"; }

step "Lint and format check"
npx biome ci .

step "Typecheck"
npx tsc --noEmit

step "Unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json

step "Chromium"
CHROMIUM_PATH=$(bash scripts/find-chromium.sh)
export CHROMIUM_PATH
"$CHROMIUM_PATH" --version || true

step "Production build"
npx next build

step "End-to-end tests"
npx playwright test

step "Scale test: PostgreSQL, S3-compatible bucket, two instances (npm run test:scale)"
rm -f .tmp/scale.json
npx tsx scripts/scale/run.ts

node scripts/test-summary.mjs
