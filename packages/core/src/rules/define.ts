import type { Finding, Severity } from "../findings/finding";
import type { LocalisedText, MessageData } from "../i18n/text";
import type { ResolvedProfile } from "../profile/resolve";
import type { AreaOf, RuleArea, RuleId } from "./ids";
import type { WorkbookModel } from "../model/workbook";

export type { RuleArea, RuleId };

/**
 * Where a rule comes from in the 2023 edition: the 構築・運用指針 J number examiners cite, the
 * JIS Q 15001:2023 clause, and the article of the law, as one reference.
 */
export interface RuleClause {
  ref: string;
  /** The numbers in `ref` that could not be confirmed against a public text of the 2023 edition; the docs say so. */
  unconfirmed?: readonly string[];
}

/** A message of a rule, in both languages; `severity` when it differs from the rule's default. */
export interface RuleMessage extends LocalisedText {
  severity?: Severity;
}

/** A rule's metadata: its id is one of the catalogue's (rules/ids.ts) and its area the id's own. */
export interface RuleMeta<M extends string, I extends RuleId = RuleId> {
  id: I;
  area: AreaOf<I>;
  defaultSeverity: Severity;
  /** The clause the rule enforces, or null for housekeeping that no clause names (a duplicate id, an unreadable cell). */
  clause: RuleClause | null;
  description: LocalisedText;
  messages: Record<M, RuleMessage>;
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
