/**
 * runCli in-process with core's checkWorkbook replaced by a stub, so that exit codes, option
 * passing, profiles, folder walking and progress are tested independently of the rules.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SheetGrid, WorkbookReport } from "@pmark/core";
import { cleanReport, finding, lines, tempDir, writeSampleXlsx } from "./helpers";

const stub = vi.hoisted(() => ({
  report: null as null | ((grids: readonly SheetGrid[]) => WorkbookReport),
  calls: [] as { names: string[]; options: unknown }[],
}));

vi.mock("@pmark/core", async (importOriginal) => {
  const original = await importOriginal<typeof import("@pmark/core")>();
  return {
    ...original,
    checkWorkbook: (grids: readonly SheetGrid[], options: unknown) => {
      stub.calls.push({ names: grids.map((g) => g.name), options });
      if (!stub.report) throw new Error("no stub report");
      return stub.report(grids);
    },
  };
});

const { runInProcess: run } = await import("./in-process");
const { expandInputs } = await import("../../packages/cli/src/inputs");

function errorReport(accepted = false): WorkbookReport {
  const r = cleanReport();
  r.findings = [finding({ rule: "ledger/required-empty", sheet: "台帳", cell: "C5", row: 5, col: 3, accepted })];
  r.summary.errors = 1;
  if (accepted) r.summary.accepted = 1;
  return r;
}

let dir: string;
let book: string;

beforeAll(async () => {
  dir = tempDir();
  book = join(dir, "a.xlsx");
  await writeSampleXlsx(book);
});

beforeEach(() => {
  stub.calls = [];
  stub.report = () => cleanReport();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exit status", () => {
  it("0 when no errors", async () => {
    const r = await run(["check", book]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(stub.calls[0]?.names).toEqual(["個人情報管理台帳", "リスク分析"]);
  });

  it("1 when an error-severity finding is not accepted; 0 when it is", async () => {
    stub.report = () => errorReport();
    expect((await run(["check", book])).status).toBe(1);
    stub.report = () => errorReport(true);
    expect((await run(["check", book])).status).toBe(0);
  });

  it("2 when one input cannot be read; the others are still checked and reported in argument order", async () => {
    stub.report = () => errorReport();
    const r = await run(["check", join(dir, "missing.xlsx"), book, "--format", "json"]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([join(dir, "missing.xlsx"), book]);
    expect(doc.files[0].error.code).toBe("not-found");
    expect(doc.files[1].findings).toHaveLength(1);
    expect(lines(r.stderr)).toEqual([`pmark: 「${join(dir, "missing.xlsx")}」を読めません: ファイルが見つかりません`]);
  });

  it("an exception inside the checker is reported for that file only", async () => {
    stub.report = () => {
      throw new Error("boom\n    at somewhere (file.ts:1:1)");
    };
    const r = await run(["check", book, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: cannot read "${book}": internal error (boom)`]);
  });
});

describe("options reach the checker", () => {
  it("--today, --rule, --skip-rule", async () => {
    await run(["check", book, "--today", "2025-06-30", "--rule", "risk/,ledger/required-empty", "--skip-rule=risk/flat-scoring"]);
    expect(stub.calls[0]?.options).toEqual({
      today: "2025-06-30",
      rules: ["risk/", "ledger/required-empty"],
      skipRules: ["risk/flat-scoring"],
    });
  });

  it("--profile jisq15001 means the default (no profile)", async () => {
    await run(["check", book, "--profile", "jisq15001"]);
    expect(stub.calls[0]?.options).toEqual({});
  });

  it("--profile P.json is validated and passed", async () => {
    const p = join(dir, "profile.json");
    const profile = { id: "acme", version: "2", reviewIntervalMonths: { ledger: 6 }, rules: { "risk/flat-scoring": "off" } };
    writeFileSync(p, `\uFEFF${JSON.stringify(profile)}`);
    expect((await run(["check", book, "--profile", p])).status).toBe(0);
    expect(stub.calls[0]?.options).toEqual({ profile });
  });
});

describe("profile errors: exit 2 and one line", () => {
  it("schema issues quote their JSON paths", async () => {
    const p = join(dir, "bad-profile.json");
    writeFileSync(p, JSON.stringify({ id: "x", version: "1", fields: { required: [1] }, rules: { "risk/phase-missing": "fatal" } }));
    const r = await run(["check", book, "--profile", p, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`profile "${p}" is invalid: $.fields.required[0]: expected string`);
    expect(r.stderr).toContain('$.rules["risk/phase-missing"]: must be one of "error", "warning", "info", "off"');
    expect(stub.calls).toHaveLength(0);
  });

  it("a missing required key, in Japanese", async () => {
    const p = join(dir, "no-version.json");
    writeFileSync(p, JSON.stringify({ id: "x" }));
    const r = await run(["check", book, "--profile", p]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: プロファイル「${p}」が不正です: $.version: string が必要です`]);
  });

  it("not JSON, missing file, unknown built-in id", async () => {
    const p = join(dir, "broken.json");
    writeFileSync(p, "{ id: ");
    for (const [arg, text] of [
      [p, "is not valid JSON"],
      [join(dir, "nope.json"), "not found"],
      ["isms", "unknown profile: isms"],
    ] as const) {
      const r = await run(["check", book, "--profile", arg, "--lang", "en"]);
      expect(r.status, arg).toBe(2);
      expect(lines(r.stderr), arg).toHaveLength(1);
      expect(r.stderr, arg).toContain(text);
    }
  });
});

describe("folders", () => {
  it("are walked recursively and sorted, skipping lock files, dot-files and other extensions", async () => {
    const root = join(dir, "tree");
    mkdirSync(join(root, "b-sub", "deeper"), { recursive: true });
    mkdirSync(join(root, ".git"), { recursive: true });
    for (const f of ["z.xlsx", "a.csv", "~$a.xlsx", ".hidden.xlsx", "notes.txt", "b-sub/m.XLSM", "b-sub/deeper/k.ods", "c.xls", ".git/x.xlsx"]) {
      writeFileSync(join(root, f), "x");
    }
    const found = (await expandInputs([root, book])).map((i) => i.file);
    expect(found).toEqual([
      join(root, "a.csv"),
      join(root, "b-sub", "deeper", "k.ods"),
      join(root, "b-sub", "m.XLSM"),
      join(root, "c.xls"),
      join(root, "z.xlsx"),
      book,
    ]);
  });

  it("a folder with nothing to check is an unreadable input", async () => {
    const empty = join(dir, "empty-folder");
    mkdirSync(empty, { recursive: true });
    const r = await run(["check", empty, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: cannot read "${empty}": the folder holds no file to check (.xlsx .xlsm .xls .ods .csv)`]);
  });
});

describe("progress", () => {
  it("shows [n/N] on a terminal's stderr and clears it; never on stdout", async () => {
    const r = await run(["check", book, book, book, "--format", "json"], { ttyErr: true });
    expect(r.stderr).toContain("[1/3] a.xlsx");
    expect(r.stderr).toContain("[3/3] a.xlsx");
    expect(r.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(JSON.parse(r.stdout).files).toHaveLength(3);
  });

  it("is silent when stderr is not a terminal", async () => {
    const r = await run(["check", book, book]);
    expect(r.stderr).toBe("");
  });
});

describe("help and version", () => {
  it("print to stdout and exit 0", async () => {
    const h = await run(["--help"]);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("pmark check");
    expect((await run(["--help", "--lang", "en"])).stdout).toContain("exit status");
    const v = await run(["--version"]);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("usage errors: one line and the short usage on stderr, exit 2", async () => {
    const r = await run(["check", "a.xlsx", "--nope", "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const l = lines(r.stderr);
    expect(l[0]).toBe("pmark: unknown option: --nope");
    expect(l[1]).toMatch(/^usage: pmark check/);
  });
});
