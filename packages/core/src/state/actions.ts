import type { Lang } from "../i18n/text";
import { recordAddition, type RemovableKind } from "../plan/additions";
import type { BuildPlanOptions, BuiltPlan } from "../plan/build";
import type { PlanKind, WritePlan } from "../plan/types";
import { profileForCheck, type WorkbookState } from "./workbook-state";

/**
 * The host-neutral half of an add-in action, the same in every host: the options a plan is
 * built with (from the UI's plain-data options and what the workbook remembers), and what the
 * workbook remembers after the plan was written.
 */

type Options = Readonly<Record<string, string | number | boolean>> | null | undefined;

const str = (options: Options, key: string): string => {
  const v = options?.[key];
  return typeof v === "string" ? v : "";
};

const REMOVABLE: readonly RemovableKind[] = ["template", "formulas", "report", "draft"];

/** What "remove" removes: options.what, the report when not said. */
export function removableKind(options: Options): RemovableKind {
  const what = str(options, "what");
  return (REMOVABLE as readonly string[]).includes(what) ? (what as RemovableKind) : "report";
}

/** The check date an action's options carry (YYYY-MM-DD), if any. */
export function optionsToday(options: Options): string | undefined {
  const t = str(options, "today");
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
}

export function planOptionsFor(kind: PlanKind, options: Options, state: WorkbookState, lang: Lang): BuildPlanOptions {
  const profile = profileForCheck(state);
  const out: BuildPlanOptions = { lang, ...(profile ? { profile } : {}) };
  if (kind === "accept") out.accept = { rule: str(options, "rule"), sheet: str(options, "sheet"), cell: str(options, "cell"), reason: str(options, "reason") };
  if (kind === "remove") out.remove = { kind: removableKind(options), records: state.additions ?? [] };
  if (kind === "draft") out.draft = { target: str(options, "target") === "sheet" ? "sheet" : "rows" };
  return out;
}

/**
 * The workbook's state once `written` (the placed, confirmed plan) was applied: additions
 * recorded for removal, removed ones forgotten, an acceptance without a notes column kept.
 * Returns null when nothing changed, so the host writes nothing.
 */
export function stateAfterApply(state: WorkbookState, kind: PlanKind, options: Options, built: BuiltPlan, written: WritePlan): WorkbookState | null {
  if (kind === "template" || kind === "formulas" || kind === "draft") {
    const record = recordAddition(kind, written);
    return record ? { ...state, additions: [...(state.additions ?? []), record] } : null;
  }
  if (kind === "remove") {
    const what = removableKind(options);
    const before = state.additions ?? [];
    const left = before.filter((r) => r.kind !== what);
    if (left.length === before.length) return null;
    const { additions: _old, ...rest } = state;
    return left.length > 0 ? { ...rest, additions: left } : rest;
  }
  if (kind === "accept" && built.suppression) return { ...state, suppressions: [...(state.suppressions ?? []), built.suppression] };
  return null;
}
