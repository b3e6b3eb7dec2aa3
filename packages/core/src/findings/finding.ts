import type { LocalisedText, MessageData } from "../i18n/text";
import type { RuleId } from "../rules/ids";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * One result of a rule: data, not text. `message` is rendered from the rule's message table
 * and `data`; it never quotes a personal-data cell value (only field names, item names,
 * phases, contractor names, counts and dates the rule needs to explain itself).
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell (or of the header cell for a missing column, the first cell for a row). */
  cell: string;
  /** 1-based row and column of `cell`. */
  row: number;
  col: number;
  messageId: string;
  message: LocalisedText;
  /** What the reader saw, e.g. 「全角数字」 or 「和暦」 (optional). */
  hint?: string;
  data?: MessageData;
  /** Set when a suppression accepts the finding: it is still reported and counted as accepted. */
  accepted?: boolean;
  /** Where the acceptance came from (set together with `accepted: true`). */
  acceptance?: Acceptance;
}

/**
 * Who accepted a finding: a profile `suppressions` entry (with its reason, written by the
 * profile's author), or a note/備考 cell on the finding's row such as 「承認済: ledger/review-overdue」
 * (only the note's address is kept: note text is a cell value and may hold personal data).
 */
export type Acceptance =
  | { source: "profile"; reason?: string }
  | { source: "note"; sheet: string; cell: string };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: sheet order as given, then row, column, severity, rule. */
export function compareFindings(sheetOrder: ReadonlyMap<string, number>) {
  return (a: Finding, b: Finding): number =>
    (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
    a.row - b.row ||
    a.col - b.col ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
