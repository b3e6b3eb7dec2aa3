import type { SheetKind } from "../glossary/kinds";
import type { SheetGrid } from "../grid/grid";
import type { Lang, LocalisedText } from "../i18n/text";
import { resolveProfile } from "../profile/resolve";
import type { ProfileInput } from "../profile/schema";
import type { WorkbookReport } from "../report/types";
import { buildTemplate } from "../templates/build";
import { readTemplateMeta } from "../templates/meta";
import { templateToPlan } from "../templates/plan";
import type { SheetSpec } from "../templates/spec";
import { headersLanguage } from "./notation";
import type { WritePlan } from "./types";

/** The workbook a template is inserted into: its sheets and what the check recognised in them. */
export interface TemplateTarget {
  grids: readonly SheetGrid[];
  report: WorkbookReport;
}

/**
 * The language the workbook's own headers are written in (recognised sheets only), so that
 * inserted sheets match them; `fallback` (the user's) when nothing is recognised.
 */
export function workbookLanguage(target: TemplateTarget, fallback: Lang): Lang {
  const headers: { grid: SheetGrid; rows: number[] }[] = [];
  for (const s of target.report.sheets) {
    if (s.kind === "unknown" || s.headerRow < 1) continue;
    const grid = target.grids.find((g) => g.name === s.name);
    if (grid) headers.push({ grid, rows: [s.headerRow - 1] });
  }
  return headersLanguage(headers, fallback);
}

function joinNames(names: readonly string[], lang: Lang): string {
  if (lang === "ja") return names.map((n) => `「${n}」`).join("と");
  if (names.length <= 2) return names.map((n) => `"${n}"`).join(" and ");
  return `${names.slice(0, -1).map((n) => `"${n}"`).join(", ")} and "${names[names.length - 1] ?? ""}"`;
}

function summaryOf(sheets: readonly SheetSpec[]): LocalisedText {
  const visible = sheets.filter((s) => s.kind !== "meta");
  const columns = visible.reduce((n, s) => n + s.columns.length, 0);
  const names = visible.map((s) => s.name);
  return {
    ja: `${joinNames(names, "ja")}を追加します: ${visible.length} シート、${columns} 列。既存のシートは変更しません。`,
    en: `Adds ${joinNames(names, "en")}: ${visible.length} ${visible.length === 1 ? "sheet" : "sheets"}, ${columns} columns. Your sheets are not changed.`,
  };
}

/** Why there is nothing to insert: every kind of sheet the template has is already there. */
export const TEMPLATE_COMPLETE: LocalisedText = {
  ja: "このブックには、テンプレートのシート(台帳・リスク分析表・委託先・法令・教育・監査)がすべてあります。追加するシートはありません。",
  en: "The workbook already has every sheet of the template (ledger, risk analysis, contractors, laws, training, audit); there is nothing to add.",
};

/**
 * The template sheets the workbook lacks (ledger, risk analysis with its formulas and dropdowns,
 * contractors, laws, training, audit), from the same WorkbookSpec the CLI writes to .xlsx, in
 * the language of the workbook's own headers. A kind the check recognised is not added again,
 * and the hidden version stamp only comes with a new ledger and risk analysis. Added sheets get
 * free names, so no user cell is ever written over. Without a target, every sheet.
 */
export function templateSheetsPlan(lang: Lang, profile?: ProfileInput, target?: TemplateTarget): WritePlan {
  const present = new Set<SheetKind>(target ? target.report.sheets.map((s) => s.kind) : []);
  const sheetLang = target ? workbookLanguage(target, lang) : lang;
  const spec = buildTemplate(resolveProfile(profile), sheetLang);
  const stamped = target ? readTemplateMeta(target.grids) !== null : false;
  const fresh = !present.has("ledger") && !present.has("risk");
  const sheets = spec.sheets.filter((s) => (s.kind === "meta" ? fresh && !stamped : !present.has(s.kind)));
  const plan = templateToPlan({ ...spec, sheets: sheets.some((s) => s.kind !== "meta") ? sheets : [] });
  return plan.ops.length > 0 ? { ...plan, summary: summaryOf(sheets) } : plan;
}

