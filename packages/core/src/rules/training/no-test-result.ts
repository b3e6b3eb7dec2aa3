import { dateOf } from "../../model/records";
import { defineRule } from "../define";
import { TRAINING } from "../fields";

/**
 * A training record (a row with a training date) with no test result, score, understanding check
 * or pass/fail: examiners expect an objectively judged check of understanding with each training
 * (notes/domain.md §4.3 [S42d]). A sheet with no such column gets one finding on its header.
 */
export const trainingNoTestResult = defineRule({
  meta: {
    id: "training/no-test-result",
    area: "training",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.4.3 / JIS Q 15001:2023 箇条7" },
    description: {
      ja: "教育の記録にテスト・理解度確認の結果がない。",
      en: "A training record with no test or understanding check.",
    },
    messages: {
      noResult: {
        ja: "この教育記録にはテスト・理解度確認の結果がありません。理解度を客観的に確認できる結果(点数、合否など)を記録してください。",
        en: "This training record has no test or understanding-check result; record an objective result (score, pass/fail).",
      },
      noColumn: {
        ja: "教育記録にテスト結果・理解度・合否の列がありません。教育ごとに理解度を確認し、その結果を記録してください。",
        en: "The training records have no test-result, understanding or pass/fail column; check understanding with each training and record the result.",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.model.ofKind("training")) {
      const trained = sheet.dataRows.filter((r) => dateOf(TRAINING.cell(sheet, r, "date")) !== null);
      if (trained.length === 0) continue;
      if (!TRAINING.has(sheet, "testResult") && !TRAINING.has(sheet, "passed")) {
        ctx.report("noColumn", TRAINING.header(sheet, "date"));
        continue;
      }
      for (const row of trained) {
        const test = TRAINING.cell(sheet, row, "testResult");
        const passed = TRAINING.cell(sheet, row, "passed");
        if (test.text !== "" || passed.text !== "") continue;
        ctx.report("noResult", { sheet: sheet.name, row, col: test.col >= 0 ? test.col : passed.col });
      }
    }
  },
});
