import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BENCH_TODAY, generateWorkbook, Rng, toGrids, writeXlsx } from "../../bench/generate";
import { checkWorkbook } from "../../packages/core/src/check";
import { cellText, gridSize } from "../../packages/core/src/grid/grid";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";

const dir = mkdtempSync(join(tmpdir(), "pmark-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the benchmark workbook generator", () => {
  it("is deterministic for a seed, and the seed matters", () => {
    const a = JSON.stringify(toGrids(generateWorkbook({ items: 60, seed: 7 })));
    const b = JSON.stringify(toGrids(generateWorkbook({ items: 60, seed: 7 })));
    const c = JSON.stringify(toGrids(generateWorkbook({ items: 60, seed: 8 })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    // Replaying a sheet gives the same rows again (the .xlsx writer and toGrids both replay).
    const wb = generateWorkbook({ items: 20, seed: 3 });
    expect(JSON.stringify(toGrids(wb))).toBe(JSON.stringify(toGrids(wb)));
  });

  it("has its own PRNG: same seed, same stream; values in range", () => {
    const r1 = new Rng(42);
    const r2 = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => r1.next());
    expect(Array.from({ length: 1000 }, () => r2.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs.map((x) => Math.floor(x * 10))).size).toBe(10);
  });

  it("makes sheets that core recognises, with the rows asked for", () => {
    const items = 50;
    const wb = generateWorkbook({ items, seed: 1 });
    const grids = toGrids(wb);
    const report = checkWorkbook(grids, { today: BENCH_TODAY });
    const kinds = Object.fromEntries(report.sheets.map((s) => [s.kind, s.rows]));
    expect(kinds.ledger).toBe(items);
    expect(kinds.risk).toBe(items * 6);
    expect(kinds.contractor).toBeGreaterThan(0);
    expect(kinds.law).toBeGreaterThan(0);
    const risk = report.sheets.find((s) => s.kind === "risk");
    expect(risk?.layout).toBe("long");
    // Data rows match the generator's own count for every sheet.
    for (const sheet of wb.sheets) {
      if (sheet.headerRow < 0) continue; // the cover sheet
      const g = grids.find((x) => x.name === sheet.name);
      expect(g && g.values.length).toBe(sheet.headerRow + 1 + sheet.dataRows);
    }
  });

  it("plants defects at the requested rate, and the rules find them", () => {
    const wb = generateWorkbook({ items: 400, seed: 5, defectRate: 0.03 });
    const report = checkWorkbook(toGrids(wb), { today: BENCH_TODAY });
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const id of ["ledger/duplicate-id", "ledger/review-overdue", "cell/invalid-value", "risk/orphan-row", "risk/unknown-phase", "risk/no-risk-described", "risk/phase-missing"]) {
      expect(rules, id).toContain(id);
    }
    // A clean workbook (no planted defects) stays nearly clean: the defects are what the rules see.
    const clean = checkWorkbook(toGrids(generateWorkbook({ items: 400, seed: 5, defectRate: 0 })), { today: BENCH_TODAY });
    expect(clean.findings.filter((f) => f.severity === "error").length).toBeLessThan(report.findings.filter((f) => f.severity === "error").length);
  });

  it("writes an .xlsx that the CLI reads back as the same grids", async () => {
    const wb = generateWorkbook({ items: 30, seed: 2 });
    const file = join(dir, "bench-30.xlsx");
    await writeXlsx(wb, file);
    const loaded = await loadWorkbook(file);
    if (!loaded.ok) throw new Error(`unreadable: ${loaded.reason.code}`);
    const expected = toGrids(wb);
    expect(loaded.grids.map((g) => g.name)).toEqual(expected.map((g) => g.name));
    for (const [i, want] of expected.entries()) {
      const got = loaded.grids[i];
      if (!got) throw new Error(`missing sheet ${want.name}`);
      const rows = Math.max(gridSize(got).rows, gridSize(want).rows);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(got.values[r]?.length ?? 0, want.values[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          expect(cellText(got.values[r]?.[c]), `${want.name}!R${r + 1}C${c + 1}`).toBe(cellText(want.values[r]?.[c]));
        }
      }
    }
    // Scores are formulas with cached results, as in the sample workbook.
    const risk = loaded.grids.find((g) => g.name === "リスク分析表");
    expect(risk?.formulas?.[4]?.[7]).toBe("=F5*G5");
    const same = checkWorkbook(loaded.grids, { today: BENCH_TODAY });
    const fromMemory = checkWorkbook(expected, { today: BENCH_TODAY });
    expect(same.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(fromMemory.findings.map((f) => `${f.rule} ${f.cell}`));
  });
});
