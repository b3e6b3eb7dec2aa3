import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm run push:sheets`: clasp is a dev dependency, the project's .clasp.json is each user's own
 * (git-ignored), and what would be pushed is exactly the three built files. clasp's
 * show-file-status works offline and without a login, so this runs the real clasp.
 */

const ROOT = join(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "push-sheets.mjs");

describe("npm run push:sheets", () => {
  it("git ignores .clasp.json (a user's Script ID), not its example", () => {
    const ignored = spawnSync("git", ["check-ignore", ".clasp.json"], { cwd: ROOT, encoding: "utf8" });
    expect(ignored.status).toBe(0);
    const example = spawnSync("git", ["check-ignore", ".clasp.json.example"], { cwd: ROOT, encoding: "utf8" });
    expect(example.status).toBe(1);
  });

  it("builds dist/sheets and would push exactly Code.js, Sidebar.html and appsscript.json", () => {
    const project = mkdtempSync(join(tmpdir(), "pmark-clasp-"));
    try {
      writeFileSync(join(project, ".clasp.json"), JSON.stringify({ scriptId: "1abcDEF-test", rootDir: "dist/sheets" }));
      const run = spawnSync(process.execPath, [SCRIPT, "--status", "--project", project], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const status = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { filesToPush: string[] };
      expect(status.filesToPush.sort()).toEqual(["dist/sheets/Code.js", "dist/sheets/Sidebar.html", "dist/sheets/appsscript.json"]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("says what to do when there is no .clasp.json or it is not filled in", () => {
    const project = mkdtempSync(join(tmpdir(), "pmark-clasp-"));
    try {
      const none = spawnSync(process.execPath, [SCRIPT, "--status", "--project", project], { cwd: ROOT, encoding: "utf8" });
      expect(none.status).toBe(2);
      expect(none.stderr).toMatch(/no \.clasp\.json .*Script ID/);
      writeFileSync(join(project, ".clasp.json"), JSON.stringify({ scriptId: "PASTE-THE-SCRIPT-ID-HERE", rootDir: "dist/sheets" }));
      const example = spawnSync(process.execPath, [SCRIPT, "--status", "--project", project], { cwd: ROOT, encoding: "utf8" });
      expect(example.status).toBe(2);
      expect(example.stderr).toContain("no scriptId");
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
