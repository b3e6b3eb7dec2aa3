import { fieldLabel } from "../../glossary/fields";
import type { RecognisedSheet } from "../../recognise/sheet";
import { recordsFlag } from "../../model/records";
import { defineRule, type RuleContext } from "../define";
import { RISK } from "../fields";

type Ids = "requiredMissing" | "expectedMissing" | "riskColumnMissing" | "riskColumnExpected" | "phaseColumnMissing";

function label(sheet: RecognisedSheet, alternatives: readonly string[]): { ja: string; en: string } {
  const kind = sheet.kind === "unknown" || sheet.kind === "training" || sheet.kind === "audit" || sheet.kind === "review" ? "ledger" : sheet.kind;
  const labels = alternatives.map((f) => fieldLabel(kind, f));
  return { ja: labels.map((l) => `「${l.ja}」`).join("または"), en: labels.map((l) => `"${l.en}"`).join(" or ") };
}

function headerCell(sheet: RecognisedSheet): { sheet: string; row: number; col: number } {
  return { sheet: sheet.name, row: sheet.headerRow, col: sheet.columns[0]?.col ?? 0 };
}

function reportMissing(ctx: RuleContext<Ids>, sheet: RecognisedSheet, id: Ids, groups: readonly (readonly string[])[]) {
  for (const alternatives of groups) {
    // A 個人情報区分 column (個人情報/要配慮個人情報/特定個人情報) records both flags.
    if (alternatives.some((f) => sheet.byField.has(f) || ((f === "sensitive" || f === "myNumber") && recordsFlag(sheet, f)))) continue;
    const l = label(sheet, alternatives);
    ctx.report(id, headerCell(sheet), { data: { field: l.ja, fieldEn: l.en } });
  }
}

/** Columns the profile requires (error) or expects (warning) that the header lacks. */
export const headerMissingColumn = defineRule({
  meta: {
    id: "header/missing-column",
    area: "header",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.1 / JIS Q 15001:2023 6.1" },
    description: {
      ja: "プロファイルが必須(エラー)または推奨(警告)とする列が見出しにない。",
      en: "A column the profile requires (error) or expects (warning) is missing from the header.",
    },
    messages: {
      requiredMissing: {
        ja: "必須の列{{field}}がありません(構築・運用指針 J.3.1.1で台帳への記載が求められている項目)。",
        en: "Required column {{fieldEn}} is missing (an item guideline J.3.1.1 requires in the ledger).",
      },
      expectedMissing: {
        ja: "列{{field}}がありません。審査で記載を求められることの多い項目です。",
        en: "Column {{fieldEn}} is missing; examiners usually expect it in the ledger.",
        severity: "warning",
      },
      riskColumnMissing: {
        ja: "リスク分析表に列{{field}}がありません(構築・運用指針 J.3.1.3)。",
        en: "The risk analysis has no {{fieldEn}} column (guideline J.3.1.3).",
      },
      riskColumnExpected: {
        ja: "リスク分析表に列{{field}}がありません(構築・運用指針 J.3.1.3)。",
        en: "The risk analysis has no {{fieldEn}} column (guideline J.3.1.3).",
        severity: "warning",
      },
      phaseColumnMissing: {
        ja: "リスク分析表に局面(ライフサイクル)の列がありません。取得・入力から消去・廃棄までの局面ごとにリスクを分析してください(構築・運用指針 J.3.1.3)。",
        en: "The risk analysis has no lifecycle-phase column: analyse risks for each phase from acquisition to disposal (guideline J.3.1.3).",
        severity: "warning",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.model.ofKind("ledger")) {
      reportMissing(ctx, sheet, "requiredMissing", ctx.profile.required);
      reportMissing(ctx, sheet, "expectedMissing", ctx.profile.expected);
    }
    for (const sheet of ctx.model.ofKind("risk")) {
      reportMissing(ctx, sheet, "riskColumnMissing", [["risk"]]);
      reportMissing(ctx, sheet, "riskColumnExpected", [["measure"]]);
      reportMissing(ctx, sheet, "riskColumnExpected", [["residualLevel", "residualScore", "residualLikelihood"]]);
      if (sheet.layout !== "wide" && !RISK.has(sheet, "phase")) {
        ctx.report("phaseColumnMissing", headerCell(sheet));
      }
    }
  },
});
