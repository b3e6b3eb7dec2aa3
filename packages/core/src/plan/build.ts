import type { SheetGrid } from "../grid/grid";
import type { Lang } from "../i18n/text";
import type { ProfileInput } from "../profile/schema";
import type { WorkbookReport } from "../report/types";
import type { PlanProblem } from "./check";
import { formulasPlan } from "./formulas";
import { highlightPlan } from "./highlight";
import { findingsReportPlan } from "./report-sheet";
import { templateSheetsPlan } from "./template";
import type { PlanKind, WritePlan } from "./types";

export interface BuildPlanOptions {
  lang: Lang;
  profile?: ProfileInput;
}

/**
 * The plan behind each add-in action, built the same way by every host bridge from the grids
 * it read and the report core gave for them. `problem` says why a plan is empty.
 */
export function buildPlan(
  kind: PlanKind,
  grids: readonly SheetGrid[],
  report: WorkbookReport,
  options: BuildPlanOptions,
): { plan: WritePlan; problem?: PlanProblem } {
  switch (kind) {
    case "template":
      return { plan: templateSheetsPlan(options.lang, options.profile) };
    case "report":
      return { plan: findingsReportPlan(report, options.lang) };
    case "highlight": {
      const plan = highlightPlan(report);
      if (plan.ops.length > 0) return { plan };
      return {
        plan,
        problem: { code: "nothing-to-do", message: { ja: "色を付ける指摘はありません。", en: "There are no findings to highlight." } },
      };
    }
    case "formulas": {
      const plan = formulasPlan(grids, report, options);
      if (!report.sheets.some((s) => s.kind === "risk")) {
        return {
          plan,
          problem: {
            code: "no-risk-sheet",
            message: {
              ja: "リスク分析表が見つかりません。「テンプレートシートの挿入」で追加するか、見出し行(局面・リスク・発生可能性・影響度など)を確認してください。",
              en: "No risk analysis sheet was found. Insert the template sheets, or check its header row (phase, risk, likelihood, impact...).",
            },
          },
        };
      }
      if (plan.ops.length === 0) {
        return {
          plan,
          problem: { code: "nothing-to-do", message: { ja: "追加する式や入力規則はありません。", en: "There are no formulas or dropdowns to add." } },
        };
      }
      return { plan };
    }
  }
}
