// Sums the results of every suite `npm test` ran into one line, "N passed, N failed", and exits
// non-zero when anything failed or a suite's report is missing (it did not run).
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const problems = [];

if (existsSync("test-results/checks.txt")) {
  for (const line of readFileSync("test-results/checks.txt", "utf8").trim().split("\n")) {
    const [name, result] = line.split(" ");
    if (result === "pass") passed++;
    else {
      failed++;
      problems.push(`${name} failed`);
    }
  }
}

function readJson(file, suite) {
  if (!existsSync(file)) {
    failed++;
    problems.push(`${suite}: no report (${file}), so it did not run`);
    return undefined;
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

const vitest = readJson("test-results/vitest.json", "vitest");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // a file that fails to load has no tests but still fails
  const brokenFiles = vitest.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0);
  failed += brokenFiles.length;
  for (const f of brokenFiles) problems.push(`vitest: ${f.name} failed to run: ${f.message}`);
  if (vitest.numPendingTests || vitest.numTodoTests) problems.push(`vitest: ${vitest.numPendingTests + vitest.numTodoTests} skipped or todo tests`);
}

const checksText = existsSync("test-results/checks.txt") ? readFileSync("test-results/checks.txt", "utf8") : "";
if (!checksText.includes("build fail")) {
  const e2e = readJson("test-results/e2e.json", "e2e");
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
    if (e2e.stats.skipped) problems.push(`e2e: ${e2e.stats.skipped} skipped tests`);
    if (e2e.errors?.length) {
      failed += e2e.errors.length;
      for (const error of e2e.errors) problems.push(`e2e: ${error.message}`);
    }
  }
}

for (const p of problems) console.log(`  ! ${p}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
