import type { Finding, Severity } from "../findings/finding";
import type { LocalisedText, MessageData } from "../i18n/text";
import type { ResolvedProfile } from "../profile/resolve";
import type { AreaOf, RuleArea, RuleId } from "./ids";
import type { WorkbookModel } from "./model";

export type { RuleArea, RuleId };

/** A rule's metadata: its id is one of the catalogue's (rules/ids.ts) and its area the id's own. */
export interface RuleMeta<M extends string, I extends RuleId = RuleId> {
  id: I;
  area: AreaOf<I>;
  defaultSeverity: Severity;
  /** The clause examiners cite (構築・運用指針 J number and JIS clause), when one applies. */
  clause?: string;
  description: LocalisedText;
  messages: Record<M, LocalisedText>;
}

/** Where a finding points: a sheet and a 0-based row and column. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface ReportOptions {
  data?: MessageData;
  hint?: string;
  /** Overrides the rule's severity for this finding (e.g. a required vs an expected column). */
  severity?: Severity;
}

export interface RuleContext<M extends string> {
  model: WorkbookModel;
  profile: ResolvedProfile;
  /** The check date as an Excel serial day number. */
  today: number;
  report(messageId: M, at: CellRef, options?: ReportOptions): void;
}

export interface Rule<M extends string = string, I extends RuleId = RuleId> {
  meta: RuleMeta<M, I>;
  check(ctx: RuleContext<M>): void;
}

/**
 * Typed factory: the id must be one of the catalogue's, the area must be the id's, and message
 * ids are checked at compile time against the rule's message table.
 */
export function defineRule<M extends string, I extends RuleId = RuleId>(rule: Rule<M, I>): Rule<M, I> {
  return rule;
}

export type AnyRule = Rule<string>;

export type { Finding };
