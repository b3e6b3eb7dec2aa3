/**
 * The CLI's two bundles as scripts/build.mjs makes them (scripts/build-cli.mjs, built here into a
 * folder of this test's own): pmark.cjs, which every `pmark check` process and worker thread
 * loads, holds no ExcelJS; pmark-template.cjs beside it does, and `pmark template` loads it from
 * the folder pmark.cjs really lives in — run from any working directory, through a symlink as
 * npm's `bin` link is — and writes the same workbook the writer does in-process.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_BUNDLE, TEMPLATE_BUNDLE } from "../../scripts/build-cli.mjs";
import { templateXlsx } from "../../packages/cli/src/template-xlsx";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import { buildTemplate } from "../../packages/core/src/templates/build";
import { ROOT, tempDir, writeSampleXlsx } from "./helpers";

/** pmark.cjs was 3.7 MB with ExcelJS inlined, 1.2 MB without (SheetJS alone is 0.7 MB). */
const CLI_MAX_BYTES = 2_000_000;
/** Packages that only the template writer uses (ExcelJS and what it brings). */
const WRITER_ONLY = /node_modules\/(exceljs|jszip|archiver|unzipper|saxes|fast-csv|@fast-csv)\//;

let dir: string;
let built: Awaited<ReturnType<typeof buildCli>>;
/** A `bin`-style symlink to pmark.cjs in another folder. */
let link: string;

function node(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
}

beforeAll(async () => {
  dir = tempDir("pmark-bundle-");
  built = await buildCli(ROOT, join(dir, "dist"));
  mkdirSync(join(dir, "bin"));
  link = join(dir, "bin", "pmark");
  symlinkSync(built.cli, link);
  mkdirSync(join(dir, "elsewhere"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI bundles", () => {
  it("pmark.cjs holds no ExcelJS; pmark-template.cjs beside it does", () => {
    expect([built.cli, built.template].map((f) => f.slice(dir.length + 1).replace(/\\/g, "/"))).toEqual([`dist/${CLI_BUNDLE}`, `dist/${TEMPLATE_BUNDLE}`]);
    expect(Object.keys(built.metafiles.cli.inputs).filter((p) => WRITER_ONLY.test(p))).toEqual([]);
    expect(Object.keys(built.metafiles.template.inputs).some((p) => p.includes("node_modules/exceljs/"))).toBe(true);

    const cli = readFileSync(built.cli, "utf8");
    expect(statSync(built.cli).size).toBeLessThan(CLI_MAX_BYTES);
    expect(cli).not.toMatch(/node_modules\/exceljs\//i);
    expect(cli.startsWith("#!/usr/bin/env node\n")).toBe(true);
    if (process.platform !== "win32") expect(statSync(built.cli).mode & 0o111).not.toBe(0);
    expect(readFileSync(built.template, "utf8")).toContain("node_modules/exceljs/");
  });

  it("pmark check runs without pmark-template.cjs (never loaded for it)", async () => {
    const alone = join(dir, "alone");
    mkdirSync(alone);
    copyFileSync(built.cli, join(alone, CLI_BUNDLE));
    const sample = join(alone, "台帳.xlsx");
    await writeSampleXlsx(sample);
    expect(node([join(alone, CLI_BUNDLE), "--version"], alone).status).toBe(0);
    const checked = node([join(alone, CLI_BUNDLE), "check", sample, "--format", "json", "--today", "2025-06-30"], alone);
    expect(checked.stderr).toBe("");
    expect([0, 1]).toContain(checked.status);
    expect((JSON.parse(checked.stdout) as { files: unknown[] }).files).toHaveLength(1);
  });

  it("pmark template through a symlink, from another folder, writes the writer's workbook, and it passes pmark check", async () => {
    const out = join(dir, "bundled.xlsx");
    const made = node([link, "template", "--lang", "en", "--out", out], join(dir, "elsewhere"));
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toBe(`wrote ${out} (profile jisq15001 1.0.0, English)\n`);
    // Byte for byte what the writer gives in-process (output is reproducible).
    expect(readFileSync(out).equals(await templateXlsx(buildTemplate(resolveProfile(), "en")))).toBe(true);

    const checked = node([link, "check", out, "--format", "json", "--today", "2025-06-30"], join(dir, "elsewhere"));
    expect(checked.status).toBe(0);
    const report = JSON.parse(checked.stdout) as { files: { findings: { rule: string; severity: string }[]; sheets: { kind: string }[] }[] };
    // Unfilled: no error; only the laws' checked dates are asked for.
    expect(new Set(report.files[0]?.findings.map((f) => `${f.rule} ${f.severity}`))).toEqual(new Set(["laws/review-overdue warning"]));
    // The hidden _pmark stamp is the template's, not a user sheet: it is read for template/outdated only.
    expect(report.files[0]?.sheets.map((s) => s.kind)).toEqual(["ledger", "risk", "contractor", "law", "training", "audit"]);
  });

  it("finds pmark-template.cjs when node keeps the symlink's path (--preserve-symlinks-main)", () => {
    const out = join(dir, "kept-link.xlsx");
    const made = node(["--preserve-symlinks-main", link, "template", "--out", out], join(dir, "elsewhere"));
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
