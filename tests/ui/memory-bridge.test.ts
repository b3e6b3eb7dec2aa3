import { describe, expect, it } from "vitest";
import { createMemoryBridge, sampleWorkbook } from "../../packages/ui/src/index";
import { ledgerSheet, riskSheet, TODAY } from "../core/helpers";

describe("createMemoryBridge", () => {
  const grids = () => [ledgerSheet([{ 保管期間: null }, {}]), riskSheet([{ id: 1, name: "台帳項目1" }])];

  it("checks with core and records selections", async () => {
    const bridge = createMemoryBridge(grids(), { language: "en", today: TODAY });
    expect(bridge.host).toBe("preview");
    expect(bridge.language()).toBe("en");
    const report = await bridge.check({});
    expect(report.findings.some((f) => f.rule === "ledger/required-empty")).toBe(true);
    await bridge.select("個人情報管理台帳", "M2");
    expect(bridge.selections).toEqual([{ sheet: "個人情報管理台帳", cell: "M2" }]);
  });

  it("previews without writing and applies the same plan", async () => {
    const bridge = createMemoryBridge(grids(), { today: TODAY });
    const before = JSON.stringify(bridge.grids());
    const preview = await bridge.preview("report");
    expect(preview.plan.ops[0]).toMatchObject({ op: "addSheet", sheet: "チェック結果" });
    expect(JSON.stringify(bridge.grids())).toBe(before);
    const result = await bridge.apply("report", undefined, false);
    expect(result.ok).toBe(true);
    expect(bridge.grids().map((g) => g.name)).toContain("チェック結果");
    // A second report replaces the first, under the same name.
    await bridge.apply("report", undefined, false);
    expect(bridge.grids().map((g) => g.name).filter((n) => n.startsWith("チェック結果"))).toEqual(["チェック結果"]);
  });

  it("highlights and clears back to the user's own fills", async () => {
    const bridge = createMemoryBridge(grids(), { today: TODAY, fills: { 個人情報管理台帳: { M2: "#00B050", A1: "#D9E1F2" } } });
    const result = await bridge.apply("highlight", undefined, false);
    expect(result.written).toBeGreaterThan(0);
    expect(bridge.workbook.fills.get("個人情報管理台帳")?.get("M2")).toBe("#FFC7CE");
    await bridge.clearHighlights();
    expect(Object.fromEntries(bridge.workbook.fills.get("個人情報管理台帳") ?? [])).toEqual({ M2: "#00B050", A1: "#D9E1F2" });
  });

  it("refuses protected sheets with a message and writes nothing", async () => {
    const bridge = createMemoryBridge(grids(), { today: TODAY, protectedSheets: ["リスク分析表"] });
    const before = JSON.stringify(bridge.grids());
    const preview = await bridge.preview("formulas");
    expect(preview.problem?.code).toBe("protected");
    const result = await bridge.apply("formulas", undefined, false);
    expect(result).toMatchObject({ ok: false, error: { code: "protected" } });
    expect(JSON.stringify(bridge.grids())).toBe(before);
  });

  it("says why a plan is empty (no risk sheet)", async () => {
    const bridge = createMemoryBridge([ledgerSheet([{}])], { today: TODAY });
    expect((await bridge.preview("formulas")).problem?.code).toBe("no-risk-sheet");
  });

  it("notifies change listeners on user edits until unsubscribed", () => {
    const bridge = createMemoryBridge(grids(), { today: TODAY });
    let n = 0;
    const stop = bridge.onChange?.(() => n++);
    bridge.edit("リスク分析表", "E2", 3);
    stop?.();
    bridge.edit("リスク分析表", "E3", 3);
    expect(n).toBe(1);
    expect(bridge.grids()[1]?.values[1]?.[4]).toBe(3);
  });

  it("ships a sample workbook with a ledger, a risk sheet and findings to show", async () => {
    const bridge = createMemoryBridge(sampleWorkbook(), { today: TODAY });
    const report = await bridge.check({});
    expect(report.sheets.map((s) => s.kind)).toEqual(["ledger", "risk"]);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect((await bridge.preview("formulas")).plan.ops.some((op) => op.op === "formulas")).toBe(true);
  });
});
