import { describe, expect, it } from "vitest";
import type { CellValue } from "../../packages/core/src/grid/grid";
import { textCell, type WritePlan } from "../../packages/core/src/plan/index";
import { applyPlan, readGrids } from "../../packages/excel-addin/src/adapter";
import { createExcelBridge, type StateStore } from "../../packages/excel-addin/src/excel-bridge";
import { FIVE_PHASES } from "../core/helpers";
import { asExcel, fakeRun, type FakeOfficeError, type FakeWorkbook } from "./fake-excel";
import { contentOf, LEDGER, ledgerRows, RISK, TODAY, workbook } from "./workbooks";

/**
 * Drafting the missing risk rows through the Excel bridge and adapter, on the fake Excel: rows
 * inserted below each item's rows in one round trip whatever their number, the user's rows
 * untouched, taken back by "remove what the add-in added", and rolled back on a failure.
 */

const store = (wb: FakeWorkbook): StateStore => ({
  load: () => wb.settings,
  save: async (text) => {
    wb.settings = text;
  },
});
const bridgeOver = (wb: FakeWorkbook) => createExcelBridge({ run: fakeRun(wb), language: "ja", features: { mergedAreas: true, triggerSource: true }, today: TODAY, store: store(wb) });

const HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク"];

/** Every item analysed for four phases: each lacks 消去・廃棄. */
function gappedWorkbook(items: number): FakeWorkbook {
  const risk: CellValue[][] = [HEADER];
  for (let i = 1; i <= items; i++) for (const phase of FIVE_PHASES.slice(0, 4)) risk.push([i, `台帳項目${i}`, phase, "漏えい・紛失", 1, 2, 2, "低", "施錠保管", "低"]);
  return workbook({ [LEDGER]: ledgerRows(items), [RISK]: risk });
}

async function syncsOf<T>(wb: FakeWorkbook, call: () => Promise<T>): Promise<{ syncs: number; result: T }> {
  const before = wb.syncCount;
  const result = await call();
  return { syncs: wb.syncCount - before, result };
}

describe("the draft action in Excel", () => {
  it("previews and writes in the same number of round trips for 5 items and for 250", async () => {
    const counts: string[] = [];
    for (const items of [5, 250]) {
      const wb = gappedWorkbook(items);
      const bridge = bridgeOver(wb);
      const preview = await syncsOf(wb, () => bridge.preview("draft", { target: "rows" }));
      expect(preview.result.problem).toBeUndefined();
      expect(preview.result.plan.summary?.ja).toContain(`${items} 件の個人情報について`);
      const apply = await syncsOf(wb, () => bridge.apply("draft", { target: "rows" }, false));
      expect(apply.result.ok).toBe(true);
      expect(wb.rowEdits.filter((e) => e.insert)).toHaveLength(items);
      counts.push(`${preview.syncs} ${apply.syncs}`);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("puts each item's drafts right below its rows and leaves every row of the user's as it was", async () => {
    const wb = gappedWorkbook(3);
    const before = (await wb.run((ctx) => readGrids(asExcel(ctx)))).grids.find((g) => g.name === RISK)!;
    const bridge = bridgeOver(wb);
    await bridge.apply("draft", { target: "rows" }, false);
    const after = (await wb.run((ctx) => readGrids(asExcel(ctx)))).grids.find((g) => g.name === RISK)!;
    const text = (rows: readonly (readonly CellValue[])[]) => rows.map((r) => r.map((v) => String(v ?? "")));
    const rows = text(after.values);
    expect(rows[0]?.[10]).toBe("状態");
    // Item 1's four rows, then its drafted 消去・廃棄 rows, then item 2's rows.
    expect(rows.slice(1, 5).map((r) => r[2])).toEqual(FIVE_PHASES.slice(0, 4));
    const drafts = rows.slice(5).findIndex((r) => r[10] !== "要確認(下書き)");
    expect(drafts).toBeGreaterThanOrEqual(3);
    expect(rows.slice(5, 5 + drafts).every((r) => r[0] === "1" && r[2] === "消去・廃棄" && r[3] !== "" && r[8] !== "" && r[4] === "")).toBe(true);
    expect(rows[5 + drafts]?.[0]).toBe("2");
    expect(rows.filter((r) => r[10] !== "要確認(下書き)").map((r) => r.slice(0, 10))).toEqual(text(before.values));
    const report = await bridge.check({});
    expect(report.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
    expect(report.summary.risks.incomplete).toBe(rows.filter((r) => r[10] === "要確認(下書き)").length);
  });

  it("remove what the add-in added takes the drafts back out, row for row", async () => {
    const wb = gappedWorkbook(4);
    const original = contentOf(wb, RISK);
    const bridge = bridgeOver(wb);
    await bridge.apply("draft", { target: "rows" }, false);
    expect(contentOf(wb, RISK)).not.toEqual(original);
    const preview = await bridge.preview("remove", { what: "draft" });
    expect(preview.overwrites).toEqual([]);
    const removed = await syncsOf(wb, () => bridge.apply("remove", { what: "draft" }, false));
    expect(removed.result.ok).toBe(true);
    expect(contentOf(wb, RISK)).toEqual(original);
  });

  it("a draft sheet instead, the risk sheet untouched", async () => {
    const wb = gappedWorkbook(2);
    const original = contentOf(wb, RISK);
    await bridgeOver(wb).apply("draft", { target: "sheet" }, false);
    expect(contentOf(wb, RISK)).toEqual(original);
    expect(wb.sheets.map((s) => s.name)).toEqual([LEDGER, RISK, "リスク分析(下書き)"]);
    expect(wb.rowEdits).toEqual([]);
  });

  it("rolls back a write that failed after rows went in: the rows come out again and the cells go back", async () => {
    const wb = workbook({ S: [["h"], ["a"], ["b"]], T: [["t"]] });
    const original = contentOf(wb, "S");
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    wb.sheet("T").protected = true; // protected after the read: the pre-check cannot see it
    const plan: WritePlan = {
      title: { ja: "", en: "" },
      ops: [
        { op: "insertRows", sheet: "S", after: 2, count: 2 },
        { op: "values", sheet: "S", row: 3, col: 1, values: [[textCell("x".repeat(300))], [textCell("y")]] },
        { op: "values", sheet: "S", row: 1, col: 2, values: [[textCell("header")]] },
        { op: "values", sheet: "T", row: 2, col: 1, values: [[textCell("z")]] },
      ],
    };
    const error = await wb.run((ctx) => applyPlan(asExcel(ctx), plan, { lang: "ja", grids: read.grids, budget: 200 })).catch((e: unknown) => e);
    expect((error as FakeOfficeError).code).toBe("AccessDenied");
    expect(wb.rowEdits.map((e) => `${e.insert ? "+" : "-"}${e.row}x${e.count}`)).toEqual(["+3x2", "-3x2"]);
    expect(contentOf(wb, "S")).toEqual(original);
  });
});
