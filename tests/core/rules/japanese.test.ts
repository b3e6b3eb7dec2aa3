import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import type { RuleId } from "../../../packages/core/src/rules/ids";
import { RULES } from "../../../packages/core/src/rules/index";
import { check, ledgerSheet, riskSheet, sheet } from "../helpers";
import { auditSheet, reviewSheet } from "./annual-helpers";

const messagesOf = (rule: RuleId, grids: SheetGrid[]) => check(grids, { rules: [rule] }).findings.map((f) => f.message);

/** The Japanese of the messages as a P-mark office writes it (issue 21's review). */
describe("Japanese messages", () => {
  it("a level that disagrees with the scoring rule reads naturally", () => {
    const grids = [ledgerSheet([{ "No.": 1 }]), sheet("リスク分析表", [["管理番号", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策"], [1, "取得・入力", "紛失", 3, 3, 9, "中", "施錠"]])];
    expect(messagesOf("risk/score-mismatch", grids).map((m) => m.ja)).toEqual(["リスクレベルが「中」になっていますが、評価基準(プロファイルの基準: 3以上が中、6以上が高)ではリスク値9は「高」です(構築・運用指針 J.3.1.3)。"]);
  });

  it("no 「高以上」 when 高 is the top level", () => {
    const grids = [ledgerSheet([{ "No.": 1 }]), sheet("リスク分析表", [["管理番号", "局面", "リスク", "発生可能性", "影響度", "対策"], [1, "取得・入力", "紛失", 3, 3, null]])];
    const [m] = messagesOf("risk/high-without-measure", grids);
    expect(m?.ja).not.toContain("以上");
    expect(m?.ja).toContain("リスクレベル「高」のリスクに対策がありません");
  });

  it("dates are written 2025年3月10日 in Japanese and ISO in English", () => {
    const [ledger] = messagesOf("ledger/review-overdue", [ledgerSheet([{ 見直し日: "2024/3/10" }]), riskSheet([{ id: 1, name: "台帳項目1" }])]);
    expect(ledger?.ja).toContain("最終見直し日は2024年3月10日で、12か月以上経過しています");
    expect(ledger?.en).toContain("2024-03-10");
    const [review] = messagesOf("review/overdue", [reviewSheet(["2025/1/15"]), auditSheet([{ 監査日: "2025/2/10" }])]);
    expect(review?.ja).toContain("最後の内部監査(2025年2月10日)");
    expect(review?.ja).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("no half-width space between Japanese text and a filled-in number or bracket", () => {
    const grids = [ledgerSheet([{ "No.": 1 }, { "No.": 1, 見直し日: "2023/1/1" }]), riskSheet([{ id: 1, name: "台帳項目1", phases: [...["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"], "点検"] }])];
    const all = check(grids).findings.map((f) => f.message.ja);
    expect(all.length).toBeGreaterThan(2);
    for (const ja of all) expect(ja, ja).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff」] [0-9「]|[0-9」] [\u3040-\u30ff\u4e00-\u9fff「]/);
  });

  it("no message or description speaks to developers or nests legal citations with ASCII commas", () => {
    for (const rule of RULES) {
      const texts = [rule.meta.description.ja, ...Object.values(rule.meta.messages).map((m) => m.ja), rule.meta.clause?.ref ?? ""];
      for (const t of texts) {
        expect(t, rule.meta.id).not.toMatch(/推測で採点|\.ts\b|第\d+条[^」]*, /);
      }
    }
  });

  it("residual risk is called 残存(残留)リスク where the guideline's term is 残留リスク", () => {
    for (const id of ["risk/residual-not-accepted", "risk/residual-exceeds-inherent", "risk/compliance-risk-accepted"]) {
      const rule = RULES.find((r) => r.meta.id === id);
      expect(rule?.meta.description.ja, id).toContain("残存(残留)リスク");
    }
  });
});
