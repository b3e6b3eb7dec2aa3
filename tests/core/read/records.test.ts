import { describe, expect, it } from "vitest";
import { resolveProfile } from "../../../packages/core/src/profile/resolve";
import { cellOf } from "../../../packages/core/src/model/records";
import { buildModel } from "../../../packages/core/src/model/workbook";
import { ledgerSheet, riskSheet, sheet } from "../helpers";

describe("records: cells of repeating columns", () => {
  const grids = [
    ledgerSheet([{ 部署: "人事部" }, { 部署: "人事部" }, { 部署: "総務部" }]),
    riskSheet([
      { id: 1, name: "台帳項目1" },
      { id: 2, name: "台帳項目2" },
    ]),
  ];
  const model = buildModel(grids, resolveProfile());

  it("read every cell as a cell of its own row", () => {
    const entries = model.riskEntries;
    expect(entries).toHaveLength(10);
    for (const e of entries) {
      const row = e.sheet.grid.values[e.row];
      for (const cell of [e.phaseCell, e.risk, e.measure]) expect(cell).toEqual(cellOf(row, cell.col));
    }
    expect(new Set(entries.map((e) => e.phaseCell.text)).size).toBe(5);
    const [a, b, c] = model.ledgerItems;
    expect([a?.department.text, b?.department.text, c?.department.text]).toEqual(["人事部", "人事部", "総務部"]);
  });

  it("keep numbers and blanks as cells of their own", () => {
    const grid = sheet("リスク分析表", [
      ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク"],
      [1, "台帳項目1", "取得・入力", 100, 1, 1, 1, null, "低"],
      [1, "台帳項目1", "利用・加工", 100, 1, 1, 1, null, "低"],
    ]);
    const entries = buildModel([ledgerSheet([{}]), grid], resolveProfile()).riskEntries;
    expect(entries.map((e) => [e.risk.value, e.risk.text, e.measure.value ?? null])).toEqual([
      [100, "100", null],
      [100, "100", null],
    ]);
  });
});
