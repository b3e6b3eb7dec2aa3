import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import type { RuleId } from "../../../packages/core/src/rules/ids";
import { check, FIVE_PHASES, ledgerSheet, riskSheet, sheet } from "../helpers";
import { auditSheet, reviewSheet } from "./annual-helpers";

/** Each finding of one rule as "A1 messageId severity". */
function severities(rule: RuleId, grids: SheetGrid[]): string[] {
  return check(grids, { rules: [rule] }).findings.map((f) => `${f.cell} ${f.messageId} ${f.severity}`);
}

/**
 * Housekeeping is a warning; only a requirement of the standard or the law is an error. Each
 * case here was reported at another severity before.
 */
describe("severities", () => {
  it("ledger/duplicate-id: a duplicate id is housekeeping, a warning", () => {
    expect(severities("ledger/duplicate-id", [ledgerSheet([{ "No.": 1 }, { "No.": 1 }])])).toEqual(["A3 duplicateId warning"]);
  });

  it("risk/unknown-phase: an unknown phase label is a warning", () => {
    const grids = [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x", phases: [...FIVE_PHASES, "点検"] }])];
    expect(severities("risk/unknown-phase", grids)).toEqual(["C7 unknownPhase warning"]);
  });

  it("risk/orphan-row: a risk row naming no ledger item is a warning", () => {
    const grids = [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "台帳項目1" }, { id: 9, name: "台帳項目9", phases: ["取得・入力"] }])];
    expect(severities("risk/orphan-row", grids)).toEqual(["A7 orphan warning"]);
  });

  it("sheet/missing: a ledger without a risk analysis in the same file is a warning (they are often separate files)", () => {
    expect(severities("sheet/missing", [ledgerSheet([{}])])).toEqual(["A1 noRisk warning"]);
  });

  it("risk/compliance-risk-accepted: with a measure, residual 中 is a warning, 高 an error; no measure is an error", () => {
    const grids = [
      ledgerSheet([{ "No.": 1 }]),
      sheet("リスク分析表", [
        ["管理番号", "局面", "リスク", "対策", "残存リスク"],
        [1, "利用・加工", "目的外利用", "利用目的の周知と利用申請の承認", "中"],
        [1, "取得・入力", "同意を得ないで取得する", "同意書の回収を受付時に確認", "高"],
        [1, "委託・提供", "同意なく第三者に提供する", null, "高"],
      ]),
    ];
    expect(severities("risk/compliance-risk-accepted", grids)).toEqual(["E2 residualMedium warning", "E3 residualLeft error", "D4 noMeasure error"]);
  });

  it("review/overdue: a review within the interval that predates the last audit is info, an overdue review a warning", () => {
    expect(severities("review/overdue", [reviewSheet(["2025/1/15"]), auditSheet([{ 監査日: "2025/2/10" }])])).toEqual(["A2 beforeAudit info"]);
    expect(severities("review/overdue", [reviewSheet(["2024/5/1"]), auditSheet([{ 監査日: "2025/2/10" }])])).toEqual(["A2 overdue warning"]);
  });
});
