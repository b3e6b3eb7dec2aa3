import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkbook } from "../../../packages/cli/src/load/workbook";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import { partialReport, SOUND_ON_PART } from "../../../packages/core/src/report/partial";
import { RULES } from "../../../packages/core/src/rules/index";
import { check, ledgerSheet, riskSheet } from "../helpers";

/**
 * A check that could not read every sheet keeps only what reading the others could never take
 * back. Tried on real workbooks: for every way of leaving sheets out, each finding the partial
 * report keeps is one the full check also gives.
 */

const ROOT = join(__dirname, "..", "..", "..");
const key = (f: { rule: string; sheet: string; cell: string; messageId: string }) => `${f.rule}|${f.sheet}|${f.cell}|${f.messageId}`;

async function workbook(path: string): Promise<SheetGrid[]> {
  const loaded = await loadWorkbook(join(ROOT, path));
  if (!loaded.ok) throw new Error(`cannot read ${path}`);
  return loaded.grids;
}

describe("partialReport", () => {
  it("names only rules of the catalogue", () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    expect([...SOUND_ON_PART].filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const path of ["templates/samples/個人情報管理台帳_サンプル.xlsx", "tests/fixtures/annual/annual-records.xlsx"]) {
    it(`keeps no finding the full check would not give (${path.split("/").pop()})`, async () => {
      const grids = await workbook(path);
      const full = new Set(check(grids).findings.map(key));
      const subsets: SheetGrid[][] = [];
      for (let i = 0; i < grids.length; i++) {
        subsets.push(grids.filter((_, j) => j !== i));
        subsets.push([grids[i] as SheetGrid]);
      }
      let kept = 0;
      for (const part of subsets) {
        const skipped = grids.filter((g) => !part.includes(g)).map((g) => g.name);
        const report = partialReport(check(part), skipped);
        for (const f of report.findings) expect(full.has(key(f)), `${key(f)} without ${skipped.join(", ")}`).toBe(true);
        kept += report.findings.length;
      }
      expect(kept).toBeGreaterThan(0);
    });
  }

  it("withholds the comparisons that need the unread sheet, and recounts the summary", () => {
    const ledger = ledgerSheet([{ 保管期間: null }, {}]);
    const risk = riskSheet([{ id: 1, name: "台帳項目1" }]);
    const alone = check([ledger]);
    expect(alone.findings.some((f) => f.rule === "sheet/missing")).toBe(true);
    const partial = partialReport(alone, [risk.name]);
    expect(partial.findings.map((f) => f.rule)).not.toContain("sheet/missing");
    expect(partial.findings.map((f) => f.rule)).toContain("ledger/required-empty");
    expect(partial.withheld).toBe(alone.findings.length - partial.findings.length);
    expect(partial.summary.errors).toBe(partial.findings.filter((f) => f.severity === "error" && !f.accepted).length);
    expect(partial.overview).toBeUndefined();
    expect(partialReport(alone, [])).toMatchObject({ withheld: 0, findings: alone.findings });
  });
});
