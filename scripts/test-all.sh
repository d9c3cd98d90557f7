#!/usr/bin/env bash
# `npm test`: everything. Types, lint, unit and integration tests (Vitest, against a real
# PostgreSQL: a fresh database per run), then the production build, e2e tests in Chromium and a
# tiny run of the benchmark.
# Ends with one line "N passed, N failed" summed over all suites (typecheck and lint count as one
# check each), and exits non-zero when anything failed or nothing ran.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/true
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e.json test-results/checks.txt

check() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then echo "$name pass" >> test-results/checks.txt; else echo "$name fail" >> test-results/checks.txt; fi
}

check typecheck bash -c "npx next typegen >/dev/null && npx tsc --noEmit"
check lint npx eslint --max-warnings=0 .
echo "== unit + integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
echo "== build"
if npx next build; then
  echo "== e2e (playwright, chromium)"
  npx playwright test
  # the benchmark's own code, once at the smallest size (its figures mean nothing here, nothing is
  # asserted about them): a private embedded PostgreSQL, so the restart-under-load path runs too
  check bench-smoke env -u DATABASE_URL npm run bench -- --tiny --no-build --out test-results/bench-tiny.json
else
  echo "build fail" >> test-results/checks.txt
fi
node scripts/test-summary.mjs
