// The test command (`npm test`): type-check, lint, then every vitest suite, and a plain
// closing line "N passed, N failed" that CI reads (vitest's own summary is not read).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (label, cmd, args) => {
  console.log(`\n> ${label}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  return res.status === 0;
};

// Chromium and LibreOffice (Debian packages) for the browser and formula-oracle tests.
if (process.platform === "linux" && !run("system packages", "bash", [join(root, "scripts", "ensure-system.sh")])) {
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const [label, cmd, args] of [
  ["typecheck", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]],
  ["lint", bin("eslint"), ["."]],
]) {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

const results = join(root, ".vitest-results.json");
rmSync(results, { force: true });
const extra = process.argv.slice(2);
const vitestOk = run("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...extra]);
if (existsSync(results)) {
  const json = JSON.parse(readFileSync(results, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
  if (!vitestOk && (json.numFailedTests ?? 0) === 0 && (json.numFailedTestSuites ?? 0) === 0) failed++;
} else if (!vitestOk) {
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
