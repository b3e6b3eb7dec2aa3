import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import type { CellValue, SheetGrid } from "../../packages/core/src/grid/grid";
import { gridSize, parseA1 } from "../../packages/core/src/grid/grid";
import { LEDGER_HEADER, RISK_HEADER } from "./helpers";

/** Cell values as spreadsheets hold them, with the header words mixed in so real recognition paths run. */
const words = [...LEDGER_HEADER, ...RISK_HEADER, "取得・入力", "保管", "○", "×", "約1,000件", "多数", "R6.4.1", "2024/13/45", "株式会社A", "=SUM(A1)", "<script>", "\u202e", ""];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -10, max: 60000 }), fc.double({ noNaN: false })) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const row = fc.array(cell, { maxLength: 24 });
const grid: fc.Arbitrary<SheetGrid> = fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), values: fc.array(row, { maxLength: 30 }) });

function assertInside(grids: SheetGrid[]) {
  const report = checkWorkbook(grids, { today: "2025-06-30" });
  const sizes = new Map(grids.map((g) => [g.name, gridSize(g)]));
  for (const f of report.findings) {
    const size = sizes.get(f.sheet);
    expect(size, `finding on unknown sheet ${f.sheet}`).toBeDefined();
    const pos = parseA1(f.cell);
    expect(pos).toEqual({ row: f.row, col: f.col });
    expect(f.row).toBeGreaterThanOrEqual(1);
    expect(f.col).toBeGreaterThanOrEqual(1);
    expect(f.row).toBeLessThanOrEqual(Math.max(1, size?.rows ?? 1));
    expect(f.col).toBeLessThanOrEqual(Math.max(1, size?.cols ?? 1));
    expect(f.message.ja.length).toBeGreaterThan(0);
    expect(f.message.en.length).toBeGreaterThan(0);
  }
}

describe("core on random grids", () => {
  it("never throws, and every finding lies inside its sheet", () => {
    fc.assert(
      fc.property(fc.uniqueArray(grid, { maxLength: 4, selector: (g) => g.name }), (grids) => assertInside(grids)),
      { numRuns: 300 },
    );
  });

  it("headers over random data, ragged and huge rows", () => {
    const data = fc.array(fc.array(cell, { maxLength: 40 }), { maxLength: 40 });
    fc.assert(
      fc.property(data, data, fc.integer({ min: 0, max: 6 }), (ledgerRows, riskRows, titleRows) => {
        const titles = Array.from({ length: titleRows }, (_, i) => [i === 0 ? "個人情報管理台帳" : null]);
        assertInside([
          { name: "台帳", values: [...titles, [...LEDGER_HEADER], ...ledgerRows] },
          { name: "リスク", values: [[...RISK_HEADER], ...riskRows] },
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it("copes with a very wide row, a 10,000-character cell and an empty workbook", () => {
    const wide: CellValue[] = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? "利用目的" : i));
    assertInside([{ name: "w", values: [wide, ["x".repeat(10_000)], []] }]);
    assertInside([]);
    assertInside([{ name: "empty", values: [] }]);
  });
});
