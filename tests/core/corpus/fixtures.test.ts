/**
 * The corpus checks itself before it judges the code: its shape (a clean and a planted variant
 * per layout, the four patterns each in at least four layouts, realistic sizes), that
 * every formula's cached value is what the formula computes (HyperFormula, GPL-3.0, a test-only
 * dev dependency, is the spreadsheet), and that each expected finding points at a cell that
 * can hold that defect. A typo in a hand-written address fails here, not as a checker bug.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { cellAt, isBlank, type CellValue, type SheetGrid } from "../../../packages/core/src/grid/grid";
import { colLetter, parseCell } from "../../fixtures/corpus/build";
import { CORPUS } from "../../fixtures/corpus/index";
import type { Pattern } from "../../fixtures/corpus/types";

const layouts = new Map<string, typeof CORPUS[number][]>();
for (const fx of CORPUS) layouts.set(fx.layout, [...(layouts.get(fx.layout) ?? []), fx]);

function raw(v: CellValue): RawCellContent {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return `'${v}`;
  return v;
}

function rowHasContent(g: SheetGrid, r: number): boolean {
  const row = g.values[r] ?? [];
  return row.some((v) => !isBlank(v)) || (g.formulas?.[r] ?? []).some((f) => typeof f === "string" && f.startsWith("="));
}

describe("corpus shape", () => {
  it("has at least 26 layouts, each a clean and a planted variant of one workbook", () => {
    expect(layouts.size).toBeGreaterThanOrEqual(26);
    for (const [layout, list] of layouts) {
      expect(list.map((f) => f.variant).sort(), layout).toEqual(["clean", "planted"]);
      for (const f of list) expect(f.id, layout).toBe(`${layout}-${f.variant}`);
      const [a, b] = list as [typeof CORPUS[number], typeof CORPUS[number]];
      expect(a.patterns, layout).toEqual(b.patterns);
      expect(a.profile, layout).toBe(b.profile);
      expect(a.sheets.map((s) => s.name), layout).toEqual(b.sheets.map((s) => s.name));
    }
    expect(new Set(CORPUS.map((f) => f.id)).size).toBe(CORPUS.length);
  });

  it("covers each of the issue's four patterns in at least four layouts", () => {
    const count = (p: Pattern) => [...layouts.values()].filter((l) => l[0]?.patterns.includes(p)).length;
    for (const p of ["prenumbered", "subheading", "valueRoles", "ownScoring"] as const) expect(count(p), p).toBeGreaterThanOrEqual(4);
  });

  it("gives every sheet an expectation, and ledgers of realistic size (5–40 items)", () => {
    for (const fx of CORPUS) {
      expect(Object.keys(fx.expect.sheets).sort(), fx.id).toEqual(fx.sheets.map((s) => s.name).sort());
      for (const [name, s] of Object.entries(fx.expect.sheets)) {
        if (s.kind !== "ledger") continue;
        expect(s.items, `${fx.id} ${name}`).toBeGreaterThanOrEqual(5);
        expect(s.items, `${fx.id} ${name}`).toBeLessThanOrEqual(40);
      }
    }
  });

  it("plants 2–6 defects in each planted variant; a clean variant expects at most the warnings its layout inherently earns", () => {
    for (const fx of CORPUS) {
      if (fx.variant === "clean") {
        for (const f of fx.expect.findings) expect(f.rule, fx.id).toBe("header/missing-column");
        continue;
      }
      const clean = layouts.get(fx.layout)?.find((f) => f.variant === "clean");
      const planted = fx.expect.findings.filter((f) => !clean?.expect.findings.some((c) => c.rule === f.rule && c.sheet === f.sheet && c.cell === f.cell));
      expect(planted.length, fx.id).toBeGreaterThanOrEqual(2);
      // One defect may show as two findings (a typo'd phase is unknown and leaves the phase missing).
      expect(planted.length, fx.id).toBeLessThanOrEqual(8);
    }
  });
});

describe("corpus expectations point at real cells", () => {
  for (const fx of CORPUS) {
    it(fx.id, () => {
      for (const [name, s] of Object.entries(fx.expect.sheets)) {
        const g = fx.sheets.find((x) => x.name === name) as SheetGrid;
        const rows = g.values.length;
        if (s.headerRow !== undefined) {
          expect(rowHasContent(g, s.headerRow - 1), `${name} header row ${s.headerRow}`).toBe(true);
          for (const r of Object.keys(s.skipped ?? {})) {
            expect(Number(r), `${name} skipped row ${r}`).toBeGreaterThan(s.headerRow);
            expect(rowHasContent(g, Number(r) - 1), `${name} skipped row ${r} is blank`).toBe(true);
          }
          if (s.items !== undefined) {
            let content = 0;
            for (let r = s.headerRow; r < rows; r++) if (rowHasContent(g, r)) content++;
            expect(s.items + Object.keys(s.skipped ?? {}).length, `${name}: items + skipped rows = rows with content below the header`).toBe(content);
          }
        }
        for (const l of Object.keys(s.phaseGroups ?? {})) expect(s.columns?.[l], `${name} phase group column ${l}`).toBeDefined();
      }
      for (const f of fx.expect.findings) {
        const where = `${f.rule} ${f.sheet} ${f.cell}`;
        const g = fx.sheets.find((x) => x.name === f.sheet);
        expect(g, where).toBeDefined();
        const grid = g as SheetGrid;
        const { row, col } = parseCell(f.cell);
        expect(row, where).toBeLessThan(grid.values.length);
        const value = cellAt(grid, row, col);
        const want = fx.expect.sheets[f.sheet];
        switch (f.rule) {
          case "header/missing-column":
          case "laws/missing-core":
          case "laws/missing-mynumber":
            expect(row + 1, where).toBe(want?.headerRow);
            break;
          case "ledger/required-empty":
          case "risk/high-without-measure":
          case "risk/incomplete-scoring":
            expect(isBlank(value), `${where} should be blank`).toBe(true);
            break;
          case "risk/phase-missing":
            expect(want?.kind, where).toBe("ledger");
            expect(isBlank(value), `${where} should hold the item's name`).toBe(false);
            break;
          case "risk/score-mismatch":
          case "cell/invalid-value":
          case "risk/unknown-phase":
          case "risk/orphan-row":
          case "risk/sensitive-impact-floor":
            expect(isBlank(value), `${where} should not be blank`).toBe(false);
            break;
          default:
            break;
        }
        if (want?.columns && row + 1 > (want.headerRow ?? 0)) {
          // A finding about a data cell points into a column a person would assign.
          const letter = /^[A-Z]+/.exec(f.cell)?.[0] as string;
          expect(want.columns[letter], `${where}: column ${letter} has no expected role`).toBeDefined();
        }
      }
    });
  }
});

describe("every formula's cached value is what the formula computes", () => {
  for (const fx of CORPUS) {
    if (!fx.sheets.some((s) => s.formulas)) continue;
    it(fx.id, () => {
      const content: Record<string, RawCellContent[][]> = {};
      for (const g of fx.sheets) {
        content[g.name] = g.values.map((row, r) => {
          const width = Math.max(row.length, g.formulas?.[r]?.length ?? 0);
          return Array.from({ length: width }, (_, c) => {
            const f = g.formulas?.[r]?.[c];
            return typeof f === "string" && f.startsWith("=") ? f : raw(row[c]);
          });
        });
      }
      const hf = HyperFormula.buildFromSheets(content, { licenseKey: "gpl-v3" });
      // Excel reads TRUE and FALSE in a formula as the booleans; HyperFormula wants them named.
      hf.addNamedExpression("TRUE", "=TRUE()");
      hf.addNamedExpression("FALSE", "=FALSE()");
      try {
        const wrong: string[] = [];
        for (const g of fx.sheets) {
          const id = hf.getSheetId(g.name) as number;
          g.formulas?.forEach((row, r) =>
            row.forEach((f, c) => {
              if (typeof f !== "string" || !f.startsWith("=")) return;
              const got = hf.getCellValue({ sheet: id, row: r, col: c });
              const cached = cellAt(g, r, c);
              const same = typeof got === "number" && typeof cached === "number" ? Math.abs(got - cached) < 1e-9 : (got ?? "") === (cached ?? "");
              if (!same) wrong.push(`${g.name}!${colLetter(c)}${r + 1} ${f}: cached ${JSON.stringify(cached)}, computes ${JSON.stringify(got)}`);
            }),
          );
        }
        expect(wrong).toEqual([]);
      } finally {
        hf.destroy();
      }
    });
  }
});
