/**
 * templates/samples/個人情報管理台帳_サンプル_前年度.xlsx is what scripts/make-diff-sample.mjs
 * makes from this year's sample: regenerated here and compared byte for byte (the script pins
 * every date and timestamp), so a change to the sample cannot leave last year's copy stale.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(__dirname, "..", "..");

it("last year's sample is current (node scripts/make-diff-sample.mjs regenerates it)", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmark-diff-sample-"));
  try {
    const out = join(dir, "前年度.xlsx");
    const r = spawnSync(process.execPath, [join(root, "scripts", "make-diff-sample.mjs")], { cwd: root, env: { ...process.env, PMARK_DIFF_SAMPLE_OUT: out }, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const committed = readFileSync(join(root, "templates", "samples", "個人情報管理台帳_サンプル_前年度.xlsx"));
    expect(readFileSync(out).equals(committed), "run node scripts/make-diff-sample.mjs and commit the result").toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
