/**
 * The built CLI (packages/cli/dist/pmark.cjs), spawned as users run it. Rule results come from
 * the real core, so these tests assert only what the CLI owns: exit codes for unreadable
 * inputs and usage errors, one clean stderr line, output shapes and ordering.
 */
import { copyFileSync, mkdirSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PNG_BYTES,
  buildCli,
  encryptedOoxml,
  lines,
  passwordXls,
  runPmark,
  tempDir,
  toShiftJis,
  writeSampleXlsx,
  zipBomb,
} from "./helpers";

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(async () => {
  buildCli();
  dir = tempDir("pmark-e2e-");
  await writeSampleXlsx(f("台帳.xlsx"));
  const whole = readFileSync(f("台帳.xlsx"));
  writeFileSync(f("truncated.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(f("empty.xlsx"), "");
  writeFileSync(f("picture.xlsx"), PNG_BYTES);
  writeFileSync(f("notes.xlsx"), "これは表ではありません。\nJust some notes.\n");
  writeFileSync(f("secret.xlsx"), encryptedOoxml());
  writeFileSync(f("old-secret.xls"), passwordXls());
  writeFileSync(f("bomb.xlsx"), zipBomb());
  writeFileSync(f("sjis.csv"), toShiftJis("利用目的,件数\r\n顧客名簿,10\r\n"));
  mkdirSync(f("no-spreadsheets"), { recursive: true });
  writeFileSync(f("no-spreadsheets/readme.txt"), "x");
});

function expectCleanOneLine(stderr: string): string {
  const l = lines(stderr);
  expect(l, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:|node:internal|\.cjs:\d+/);
  expect(l[0]).toMatch(/^pmark: /);
  return l[0] as string;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pmark (built)", () => {
  it("--version and --help exit 0", () => {
    const v = runPmark(["--version"]);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = runPmark(["--help", "--lang", "en"]);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("pmark check FILE|FOLDER...");
    expect(h.stderr).toBe("");
  });

  it("checks a real workbook: exit 0 or 1 and a JSON document naming its sheets", () => {
    const r = runPmark(["check", f("台帳.xlsx"), "--format", "json", "--today", "2025-06-30"]);
    expect([0, 1]).toContain(r.status);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0].file).toBe(f("台帳.xlsx"));
    expect(doc.files[0].sheets.map((s: { name: string }) => s.name)).toEqual(["個人情報管理台帳", "リスク分析"]);
    // §5's documented keys, then the overview extension (heat map, coverage, readiness).
    expect(Object.keys(doc.files[0])).toEqual(["file", "sheets", "findings", "summary", "overview"]);
    expect(Object.keys(doc.files[0].overview)).toEqual(["heatMap", "coverage", "readiness"]);
    expect(doc.files[0].overview.readiness.score).toBeGreaterThanOrEqual(0);
    expect(doc.files[0].overview.readiness.score).toBeLessThanOrEqual(100);
    expect(r.stderr).toBe("");
  });

  it("reads a Shift_JIS CSV", () => {
    const r = runPmark(["check", f("sjis.csv"), "--format", "json"]);
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout).files[0].sheets[0].name).toBe("sjis");
  });

  const unreadable: [string, string, string][] = [
    ["missing file", "missing.xlsx", "no such file"],
    ["folder with no spreadsheets", "no-spreadsheets", "the folder holds no file to check"],
    ["empty file", "empty.xlsx", "the file is empty"],
    ["PNG named .xlsx", "picture.xlsx", "not a spreadsheet (.xlsx .xlsm .xls .ods .csv): it looks like a PNG image"],
    ["random text named .xlsx", "notes.xlsx", "not a spreadsheet (.xlsx .xlsm .xls .ods .csv): it looks like a text file"],
    ["truncated zip", "truncated.xlsx", "the file is truncated"],
    ["encrypted OOXML", "secret.xlsx", "password-protected or rights-managed"],
    ["password-protected .xls", "old-secret.xls", "password-protected or rights-managed"],
    ["zip bomb", "bomb.xlsx", "possible zip bomb"],
  ];
  for (const [label, name, text] of unreadable) {
    it(`${label}: exit 2, one line on stderr, no stack trace`, () => {
      const r = runPmark(["check", f(name), "--lang", "en"]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      const line = expectCleanOneLine(r.stderr);
      expect(line).toContain(`cannot read "${f(name)}"`);
      expect(line).toContain(text);
      const ja = runPmark(["check", f(name)]);
      expect(expectCleanOneLine(ja.stderr)).toContain(`「${f(name)}」を読めません`);
    });
  }

  it("an unreadable file appears in JSON as { file, error: { code, message } }", () => {
    const r = runPmark(["check", f("secret.xlsx"), "--format", "json"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [{ file: f("secret.xlsx"), error: { code: "encrypted", message: { ja: expect.any(String), en: expect.any(String) } } }],
    });
    expectCleanOneLine(r.stderr);
  });

  it("several files on worker threads: results in argument order, bad files reported, exit 2", () => {
    const many = join(dir, "many");
    mkdirSync(many, { recursive: true });
    const names = ["e.xlsx", "d.xlsx", "c.xlsx", "b.xlsx", "a.xlsx"];
    for (const n of names) copyFileSync(f("台帳.xlsx"), join(many, n));
    const args = [join(many, "e.xlsx"), f("picture.xlsx"), join(many, "d.xlsx"), many, f("sjis.csv")];
    const r = runPmark(["check", ...args, "--format", "json"]);
    expect(r.status).toBe(2);
    const files = JSON.parse(r.stdout).files as { file: string; error?: { code: string }; sheets?: unknown[] }[];
    expect(files.map((x) => x.file)).toEqual([
      join(many, "e.xlsx"),
      f("picture.xlsx"),
      join(many, "d.xlsx"),
      ...["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"].map((n) => join(many, n)),
      f("sjis.csv"),
    ]);
    expect(files[1]?.error?.code).toBe("not-spreadsheet");
    expect(files.filter((x) => x.sheets).length).toBe(8);
    expectCleanOneLine(r.stderr);
  });

  it("text output for several files ends with a grand total", () => {
    const r = runPmark(["check", f("台帳.xlsx"), f("sjis.csv"), "--lang", "en"]);
    expect([0, 1]).toContain(r.status);
    expect(lines(r.stdout).at(-1)).toMatch(/^2 files \(2 checked, 0 unreadable\): \d+ errors?, /);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("a profile's suppressions accept findings: counted as accepted, exit 0", () => {
    const sample = join(__dirname, "..", "..", "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
    copyFileSync(sample, f("sample.xlsx"));
    const first = runPmark(["check", f("sample.xlsx"), "--format", "json", "--today", "2025-06-30"]);
    expect(first.status).toBe(1);
    const findings = JSON.parse(first.stdout).files[0].findings as { rule: string; sheet: string; cell: string }[];
    const profile = {
      id: "sample-company",
      version: "1.0.0",
      suppressions: findings.map((x) => ({ rule: x.rule, sheet: x.sheet, cell: x.cell, reason: "2025年度中に是正" })),
    };
    writeFileSync(f("accept-all.json"), JSON.stringify(profile));
    const r = runPmark(["check", f("sample.xlsx"), "--format", "json", "--today", "2025-06-30", "--profile", f("accept-all.json")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0, accepted: findings.length });
    expect(file.findings.every((x: { accepted?: boolean }) => x.accepted === true)).toBe(true);
  });

  it("--format sarif prints SARIF 2.1.0", () => {
    const r = runPmark(["check", f("台帳.xlsx"), "--format", "sarif"]);
    expect([0, 1]).toContain(r.status);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe("2.1.0");
    expect(doc.runs[0].tool.driver.name).toBe("pmark");
  });

  it("usage errors exit 2 with one line and the short usage", () => {
    for (const argv of [
      ["check", f("台帳.xlsx"), "--frobnicate"],
      ["check", f("台帳.xlsx"), "--today", "2025-02-30"],
      ["check", f("台帳.xlsx"), "--format", "xml"],
      ["check", f("台帳.xlsx"), "--rule", "risk/nope"],
      ["check"],
      [],
    ]) {
      const r = runPmark([...argv, "--lang", "en"]);
      expect(r.status, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      const l = lines(r.stderr);
      expect(l[0]).toMatch(/^pmark: /);
      expect(l[1]).toMatch(/^usage: pmark check/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it("a bad profile exits 2 with one line", () => {
    writeFileSync(f("p.json"), JSON.stringify({ id: "p", version: "1", reviewIntervalMonths: { ledger: 0 } }));
    const r = runPmark(["check", f("台帳.xlsx"), "--profile", f("p.json"), "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(expectCleanOneLine(r.stderr)).toContain("$.reviewIntervalMonths.ledger: must be > 0");
  });
});
