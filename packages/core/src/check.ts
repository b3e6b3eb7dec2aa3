import { a1, type SheetGrid } from "./grid/grid";
import { compareFindings, type Finding, type Severity } from "./findings/finding";
import { localise } from "./i18n/text";
import { resolveProfile } from "./profile/resolve";
import type { ProfileInput } from "./profile/schema";
import { serialFromIso } from "./read/date";
import { buildOverview } from "./report/overview";
import { summarise } from "./report/summary";
import { applySuppressions } from "./report/suppress";
import type { WorkbookReport } from "./report/types";
import type { AnyRule, CellRef, ReportOptions, RuleContext } from "./rules/define";
import { RULES } from "./rules/index";
import { explainModel, type WorkbookExplanation } from "./model/explain";
import { buildModel, type WorkbookModel } from "./model/workbook";
import { gridSize } from "./grid/grid";
import { checkedSheets, isUserSheet } from "./input/own-sheets";

export interface CheckOptions {
  /** The check date, YYYY-MM-DD (default: today in the host's clock). */
  today?: string;
  /** A validated profile (see `profileSchema`); the built-in default when omitted. */
  profile?: ProfileInput;
  /** Run only these rule ids (or id prefixes ending in "/"). */
  rules?: readonly string[];
  /** Skip these rule ids (or id prefixes ending in "/"). */
  skipRules?: readonly string[];
}

function selects(patterns: readonly string[], id: string): boolean {
  return patterns.some((p) => p === id || (p.endsWith("/") && id.startsWith(p)) || (p.endsWith("/*") && id.startsWith(p.slice(0, -1))));
}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Recognise, read and validate a workbook's sheets. Never throws on cell content. */
export function checkWorkbook(grids: readonly SheetGrid[], options: CheckOptions = {}): WorkbookReport {
  return checkWorkbookModel(grids, options).report;
}

/** A check's report together with the workbook model it was computed from (what `diff` compares). */
export interface CheckedWorkbook {
  report: WorkbookReport;
  model: WorkbookModel;
}

/** `checkWorkbook`, keeping the model: one build serves the report and whatever compares workbooks. */
export function checkWorkbookModel(grids: readonly SheetGrid[], options: CheckOptions = {}): CheckedWorkbook {
  const profile = resolveProfile(options.profile);
  const today = serialFromIso(options.today ?? todayIso());
  if (today === null) throw new RangeError(`invalid check date: ${options.today ?? ""} (expected YYYY-MM-DD)`);
  const model = buildModel(checkedSheets(grids), profile);
  const findings: Finding[] = [];
  const sizes = new Map(grids.map((g) => [g.name, gridSize(g)]));

  const active = RULES.filter((rule) => {
    const id = rule.meta.id;
    if (profile.rules[id] === "off") return false;
    if (options.rules && options.rules.length > 0 && !selects(options.rules, id)) return false;
    return !(options.skipRules && selects(options.skipRules, id));
  });

  for (const rule of active) rule.check(new RuleRun(rule, model, profile, today, sizes, findings));
  // Accepted findings stay in the report, marked, for every host (profile entries and notes).
  applySuppressions(findings, model, profile.suppressions);

  const order = new Map(grids.map((g, i) => [g.name, i]));
  findings.sort(compareFindings(order));
  const summary = summarise(findings, model);
  const overview = buildOverview({ model, profile, findings, summary, areas: active.map((r) => r.meta.area) });
  const explanation = explainModel(model);
  const report: WorkbookReport = {
    sheets: model.sheets.filter((s) => isUserSheet(s.grid)).map((s) => ({
      name: s.name,
      kind: s.kind,
      headerRow: s.headerRow + 1,
      rows: s.dataRows.length,
      ...(s.layout ? { layout: s.layout } : {}),
    })),
    findings,
    summary,
    overview,
    explanation,
  };
  return { report, model };
}

/** How each sheet is read (kind, header, column roles and evidence, skipped rows, scoring rule), without running the rules. */
export function explainWorkbook(grids: readonly SheetGrid[], options: Pick<CheckOptions, "profile"> = {}): WorkbookExplanation {
  return explainModel(buildModel(grids, resolveProfile(options.profile)));
}

/**
 * One rule's run: what `check` reads, and `report`, which records a finding. A class, not an
 * object literal with a closure, so `report` is one function for every rule and every check: a
 * rule's loop compiled during one check otherwise stops at the next check's new closure and
 * runs unoptimised until the engine compiles it again (bench/README.md, fifth pass).
 */
class RuleRun implements RuleContext<string> {
  private readonly configured: Severity | "off" | undefined;
  private readonly ruleSeverity: Severity;
  constructor(
    private readonly rule: AnyRule,
    readonly model: ReturnType<typeof buildModel>,
    readonly profile: ReturnType<typeof resolveProfile>,
    readonly today: number,
    private readonly sizes: ReadonlyMap<string, { rows: number; cols: number }>,
    private readonly out: Finding[],
  ) {
    this.configured = profile.rules[rule.meta.id];
    this.ruleSeverity = this.configured && this.configured !== "off" ? this.configured : rule.meta.defaultSeverity;
  }

  report(messageId: string, at: CellRef, opts: ReportOptions = {}): void {
    const { rule, configured } = this;
    const text = rule.meta.messages[messageId];
    if (!text) throw new Error(`${rule.meta.id}: unknown message id ${messageId}`);
    // Findings always point inside the sheet (a header row of -1 becomes row 1).
    const size = this.sizes.get(at.sheet);
    const row = Math.max(1, Math.min(at.row + 1, Math.max(1, size?.rows ?? 1)));
    const col = Math.max(1, Math.min(at.col + 1, Math.max(1, size?.cols ?? 1)));
    // A profile's explicit severity wins over the one the rule's metadata gives the message.
    const severity: Severity = configured && configured !== "off" ? configured : (text.severity ?? this.ruleSeverity);
    this.out.push({
      rule: rule.meta.id,
      severity,
      sheet: at.sheet,
      cell: a1(row, col),
      row,
      col,
      messageId,
      message: localise(text, opts.data),
      ...(opts.hint ? { hint: opts.hint } : {}),
      ...(opts.data ? { data: opts.data } : {}),
    });
  }
}
