import type { SheetGrid } from "../grid/grid";
import type { Lang } from "../i18n/text";
import type { ProfileInput, SuppressionInput } from "../profile/schema";
import type { WorkbookReport } from "../report/types";
import { acceptancePlan, type AcceptTarget } from "./accept";
import { removalPlan, type AdditionRecord, type RemovableKind } from "./additions";
import type { PlanProblem } from "./check";
import { draftPlan, type DraftTarget } from "./draft";
import { formulasPlan } from "./formulas";
import { highlightPlan } from "./highlight";
import { findingsReportPlan } from "./report-sheet";
import { TEMPLATE_COMPLETE, templateSheetsPlan } from "./template";
import type { PlanKind, WritePlan } from "./types";

export interface BuildPlanOptions {
  lang: Lang;
  profile?: ProfileInput;
  /** "accept": the finding and the reason. */
  accept?: AcceptTarget;
  /** "remove": which kind of addition, and the host's records of what was added. */
  remove?: { kind: RemovableKind; records: readonly AdditionRecord[] };
  /** Sheets the host could not read (a partial check): what they are is unknown. */
  unread?: readonly string[];
  /** "draft": into the risk sheets' rows (the default) or a draft sheet. */
  draft?: { target: DraftTarget };
}

export interface BuiltPlan {
  plan: WritePlan;
  problem?: PlanProblem;
  /** "accept" on a sheet without a notes column: what the host adds to the workbook's profile settings. */
  suppression?: SuppressionInput;
}

const NOTHING = (ja: string, en: string): PlanProblem => ({ code: "nothing-to-do", message: { ja, en } });

/**
 * The plan behind each add-in action, built the same way by every host bridge from the grids
 * it read and the report core gave for them. `problem` says why a plan is empty.
 */
export function buildPlan(kind: PlanKind, grids: readonly SheetGrid[], report: WorkbookReport, options: BuildPlanOptions): BuiltPlan {
  switch (kind) {
    case "template": {
      // An unread sheet may be the very ledger or risk analysis the template would add again.
      if (options.unread && options.unread.length > 0) {
        return {
          plan: { title: { ja: "テンプレートシートの挿入", en: "Insert template sheets" }, ops: [] },
          problem: {
            code: "partial",
            message: {
              ja: `読み込めなかったシート(${options.unread.map((n) => `「${n}」`).join("")})があるため、ブックにないシートを判断できません。テンプレートシートは挿入していません。`,
              en: `Some sheets could not be read (${options.unread.map((n) => `"${n}"`).join(", ")}), so which sheets the workbook lacks is not known; no template sheet was inserted.`,
            },
          },
        };
      }
      const plan = templateSheetsPlan(options.lang, options.profile, grids.length > 0 ? { grids, report } : undefined);
      return plan.ops.length > 0 ? { plan } : { plan, problem: { code: "nothing-to-do", message: TEMPLATE_COMPLETE } };
    }
    case "report":
      return { plan: findingsReportPlan(report, options.lang, grids) };
    case "highlight": {
      const plan = highlightPlan(report);
      if (plan.ops.length > 0) return { plan };
      return { plan, problem: NOTHING("色を付ける指摘はありません。", "There are no findings to highlight.") };
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
      if (plan.ops.length === 0) return { plan, problem: NOTHING("追加する式や入力規則はありません。", "There are no formulas or dropdowns to add.") };
      return { plan };
    }
    case "accept": {
      const empty: WritePlan = { title: { ja: "指摘の受容", en: "Accept a finding" }, ops: [] };
      if (!options.accept) return { plan: empty, problem: NOTHING("受容する指摘が指定されていません。", "No finding was given to accept.") };
      const built = acceptancePlan(grids, report, options.accept, options);
      if ("code" in built) return { plan: empty, problem: built };
      return built.via === "profile" ? { plan: built.plan, suppression: built.suppression } : { plan: built.plan };
    }
    case "draft": {
      const built = draftPlan(grids, report, { lang: options.lang, ...(options.profile ? { profile: options.profile } : {}), ...(options.draft ? { target: options.draft.target } : {}), ...(options.unread ? { unread: options.unread } : {}) });
      return built.problem ? { plan: built.plan, problem: built.problem } : { plan: built.plan };
    }
    case "remove": {
      const what = options.remove?.kind ?? "report";
      const plan = removalPlan(what, options.remove?.records ?? [], grids);
      if (plan.ops.length > 0) return { plan };
      const none = {
        template: NOTHING("アドインが挿入したテンプレートシートはありません。", "There are no template sheets the add-in inserted."),
        formulas: NOTHING("アドインが追加した式や入力規則はありません。", "There are no formulas or dropdowns the add-in added."),
        report: NOTHING("チェック結果シートはありません。", "There is no findings report sheet."),
        draft: NOTHING("アドインが追加した下書きはありません(書き換えた下書きはそのままです)。", "There are no drafted rows the add-in added (drafts you changed stay)."),
      } as const;
      return { plan, problem: none[what] };
    }
  }
}
