/**
 * Hostile cell content in every field of every sheet kind: control characters, bidi overrides,
 * formula prefixes (= + - @), HTML, 10,000-character cells, emoji and broken surrogates,
 * placeholder look-alikes. The checker must not crash, every finding must point inside its own
 * sheet, and no message may carry the hostile text in bulk. Run in-process on grids and through
 * the built CLI on an .xlsx written with ExcelJS.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import { FIELD_CATALOGUE } from "../../packages/core/src/glossary/fields";
import { RECOGNISED_KINDS } from "../../packages/core/src/glossary/kinds";
import { gridSize, parseA1, type CellValue, type SheetGrid } from "../../packages/core/src/grid/grid";
import type { Finding, WorkbookReport } from "../../packages/core/src/index";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { CLI, buildCli, tempDir } from "./helpers";

const LONG = "個人情報".repeat(2500); // 10,000 characters
const HOSTILE: CellValue[] = [
  "\u0000\u0001\u0007\u0008\u000b\u000c\u001b[31m赤\u007f",
  "\u202e台帳\u202c\u200f\u200e\u2066見直し\u2069",
  '=HYPERLINK("http://example.invalid","x")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "=1/0",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">&amp;&lt;',
  LONG,
  `=${"A1&".repeat(3000)}A1`,
  "😀👨‍👩‍👧‍👦🇯🇵🏳️‍🌈",
  "\ud800 lone \udfff surrogates",
  "\ufeff\u200b\u2060",
  "\t\r\n \u3000",
  "{{item}} {{months}} {{__proto__}}",
  "__proto__",
  "constructor",
  "NaN",
  "1e309",
  "-0",
  "２０２４年１３月４５日",
  "令和99年99月99日",
  "R1.4.30",
  "99999999999999999999",
  "'; DROP TABLE ledger;--",
  "../../../../etc/passwd",
  "%s%n%x",
  "○×有無",
  "株式会社\u0000ゼロ",
];
const NUMBERS: CellValue[] = [Number.NaN, Number.POSITIVE_INFINITY, -1e308, 0, -0, 2958466, 1e21, true, false];

/** One sheet per recognised kind, headed by every field's label, rows cycling the hostile values. */
function hostileGrids(): SheetGrid[] {
  const grids: SheetGrid[] = [];
  RECOGNISED_KINDS.forEach((kind, k) => {
    const fields = Object.values(FIELD_CATALOGUE[kind] as Record<string, { label: { ja: string } }>);
    const header = fields.map((f) => f.label.ja);
    const rows: CellValue[][] = [];
    const values = [...HOSTILE, ...NUMBERS];
    for (let r = 0; r < values.length; r++) rows.push(header.map((_, c) => values[(r + c * 7 + k) % values.length] ?? null));
    grids.push({ name: `${kind}\u202e😀`, values: [[`${kind} ${LONG}`], header, ...rows] });
  });
  // A sheet that is hostile all over, header included.
  grids.push({ name: "<script>", values: HOSTILE.map((v, i) => HOSTILE.map((w, j) => (i + j) % 3 === 0 ? v : w)) });
  return grids;
}

function assertContained(report: WorkbookReport, sizes: ReadonlyMap<string, { rows: number; cols: number }>) {
  for (const f of report.findings as Finding[]) {
    const size = sizes.get(f.sheet);
    expect(size, `finding on unknown sheet ${f.sheet}`).toBeDefined();
    expect(parseA1(f.cell)).toEqual({ row: f.row, col: f.col });
    expect(f.row).toBeGreaterThanOrEqual(1);
    expect(f.col).toBeGreaterThanOrEqual(1);
    expect(f.row).toBeLessThanOrEqual(Math.max(1, size?.rows ?? 1));
    expect(f.col).toBeLessThanOrEqual(Math.max(1, size?.cols ?? 1));
    for (const text of [f.message.ja, f.message.en]) {
      expect(typeof text).toBe("string");
      expect(text.length).toBeGreaterThan(0);
      // Messages quote at most a short excerpt of a cell, never a 10,000-character paste.
      expect(text.length).toBeLessThan(1000);
      expect(text).not.toContain(LONG.slice(0, 200));
    }
  }
}

describe("hostile cell content, in-process", () => {
  it("recognises every kind, never throws, keeps every finding inside its sheet", () => {
    const grids = hostileGrids();
    const started = Date.now();
    const report = checkWorkbook(grids, { today: "2025-06-30" });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.sheets.slice(0, RECOGNISED_KINDS.length).map((s) => s.kind)).toEqual([...RECOGNISED_KINDS]);
    assertContained(report, new Map(grids.map((g) => [g.name, gridSize(g)])));
    // Every rule area had rows to look at and said something.
    const areas = new Set(report.findings.map((f) => f.rule.split("/")[0]));
    for (const area of ["ledger", "cell", "contractor", "laws", "training", "audit", "review"]) expect(areas, area).toContain(area);
  });

  it("each sheet alone, and each sheet beside a ledger, neither throws nor strays", () => {
    const grids = hostileGrids();
    for (const g of grids) {
      for (const set of [[g], [grids[0] as SheetGrid, g]]) {
        const unique = [...new Map(set.map((s) => [s.name, s])).values()];
        const report = checkWorkbook(unique, { today: "2025-06-30" });
        assertContained(report, new Map(unique.map((s) => [s.name, gridSize(s)])));
      }
    }
  });
});

describe("hostile cell content, through an .xlsx and the CLI", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    buildCli();
    dir = tempDir("pmark-hostile-");
    file = join(dir, "hostile.xlsx");
    const wb = new ExcelJS.Workbook();
    hostileGrids().forEach((g, i) => {
      // Excel forbids some characters in tab names; the cell contents stay hostile.
      const ws = wb.addWorksheet(`${i + 1} ${g.name.replace(/[[\]:*?/\\<>]/g, "_")}`.slice(0, 31));
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          // Strings stay strings (a leading "=" is text, not a formula); non-finite numbers as text.
          ws.getCell(r + 1, c + 1).value = typeof v === "number" && !Number.isFinite(v) ? String(v) : v;
        }),
      );
    });
    await wb.xlsx.writeFile(file);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the loader reads it and the checker keeps every finding inside its sheet", async () => {
    const loaded = await loadWorkbook(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const report = checkWorkbook(loaded.grids, { today: "2025-06-30" });
    expect(report.sheets.slice(0, RECOGNISED_KINDS.length).map((s) => s.kind)).toEqual([...RECOGNISED_KINDS]);
    assertContained(report, new Map(loaded.grids.map((g) => [g.name, gridSize(g)])));
  });

  it("pmark check exits 0 or 1 with a JSON report and a quiet stderr", () => {
    for (const format of ["json", "sarif", "text"]) {
      // The SARIF document of this workbook is a few megabytes: more than spawnSync buffers by default.
      const r = spawnSync(process.execPath, [CLI, "check", file, "--format", format, "--today", "2025-06-30"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect([0, 1], r.stderr).toContain(r.status);
      expect(r.stderr).toBe("");
      if (format === "json") {
        const doc = JSON.parse(r.stdout);
        expect(doc.files[0].findings.length).toBeGreaterThan(0);
        const names = new Set(doc.files[0].sheets.map((s: { name: string }) => s.name));
        for (const f of doc.files[0].findings) expect(names.has(f.sheet)).toBe(true);
      }
      if (format === "sarif") expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });
});
