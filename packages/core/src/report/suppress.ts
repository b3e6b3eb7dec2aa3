import type { Acceptance, Finding } from "../findings/finding";
import { a1, cellAt, cellText, parseA1 } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import type { SuppressionInput } from "../profile/schema";
import { RULE_IDS } from "../rules/ids";
import type { WorkbookModel } from "../model/workbook";

/**
 * Suppressions: findings a company has looked at and accepts. They stay in the report with
 * `accepted: true` (and where the acceptance came from), are counted in `summary.accepted`
 * instead of errors/warnings/infos, and do not fail the check. Two ways to accept:
 *
 * 1. The profile: `suppressions: [{ rule, sheet?, cell?, row?, reason? }]`.
 *    - `rule`: an exact id (`ledger/review-overdue`), an area (`ledger/` or `ledger/*`) or `*`;
 *    - no `sheet`: every sheet (rule-wide); `sheet` alone: that whole sheet;
 *    - `cell`: an A1 cell or range (`B7`, `$B$7`, `B5:B20`); `row`: a 1-based row;
 *      with both, both must hold.
 *    Workbook-level findings (no sheet) are only matched by entries without `sheet`.
 *
 * 2. A note column (備考, コメント, notes...) on the finding's row: a marker word followed by one
 *    or more rule ids (or area prefixes), then an optional free reason:
 *      「承認済: ledger/review-overdue」  「承認済み ledger/required-empty、risk/phase-missing」
 *      「例外承認 ledger/required-empty 理由: 紙の原本は総務部で保管」  「accepted: risk/phase-missing」
 *    Markers: 承認済(み), 例外承認, 受容済(み), accepted, suppressed, waived (width and case are
 *    folded, so 「ＡＣＣＥＰＴＥＤ：」 works). Ids must come right after the marker; an id
 *    elsewhere in the note (「ledger/required-empty を修正予定」) accepts nothing. A note accepts
 *    findings on its own sheet and row only.
 */

/** The areas of the catalogue's ids, so that a note naming another word is not taken for an acceptance. */
const AREAS: ReadonlySet<string> = new Set(RULE_IDS.map((id) => id.slice(0, id.indexOf("/"))));

const MARKER = /(?:承認済み?|例外承認|受容済み?|(?<!not\s)(?<![a-z])(?:accepted|suppressed|waived))/gu;
/** One rule id or area prefix at the start of the text, after separators. */
const ID_AT_START = /^[\s:=：、,，;；・「『([]*([a-z]+\/(?:[a-z0-9]+(?:-[a-z0-9]+)*|\*)?)[」』)\]]*/u;

/** Rule patterns a note cell accepts: ids or area prefixes right after a marker word. */
export function noteAcceptances(text: string): string[] {
  const t = nfkc(text).toLowerCase();
  const out: string[] = [];
  for (const m of t.matchAll(MARKER)) {
    let rest = t.slice((m.index ?? 0) + m[0].length);
    for (;;) {
      const id = ID_AT_START.exec(rest);
      if (!id || id[1] === undefined) break;
      if (!AREAS.has(id[1].split("/")[0] ?? "")) break;
      if (!out.includes(id[1])) out.push(id[1]);
      rest = rest.slice(id[0].length);
    }
  }
  return out;
}

/** `ledger/review-overdue`, `ledger/`, `ledger/*` or `*` against a finding's rule id. */
export function rulePatternMatches(pattern: string, rule: string): boolean {
  const p = pattern.trim();
  if (p === "*" || p === rule) return true;
  if (p.endsWith("/*")) return rule.startsWith(p.slice(0, -1));
  return p.endsWith("/") && rule.startsWith(p);
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(text: string): Range | null {
  const [from, to] = text.trim().split(":");
  const a = parseA1(from ?? "");
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** Whether a profile entry accepts a finding. An unreadable `cell` matches nothing. */
export function suppressionMatches(s: SuppressionInput, f: Finding): boolean {
  if (!rulePatternMatches(s.rule, f.rule)) return false;
  if (s.sheet !== undefined && s.sheet !== f.sheet) return false;
  if (s.row !== undefined && s.row !== f.row) return false;
  if (s.cell !== undefined) {
    const r = parseRange(s.cell);
    if (!r || f.row < r.top || f.row > r.bottom || f.col < r.left || f.col > r.right) return false;
  }
  return true;
}

interface NoteMark {
  patterns: string[];
  cell: string;
}

/** Note cells with acceptance markers, by sheet name and 1-based row. */
function noteMarks(model: WorkbookModel): Map<string, NoteMark[]> {
  const out = new Map<string, NoteMark[]>();
  for (const sheet of model.sheets) {
    const notes = sheet.byField.get("note") ?? [];
    if (notes.length === 0) continue;
    for (const r of sheet.dataRows) {
      for (const m of notes) {
        const text = cellText(cellAt(sheet.grid, r, m.col));
        if (text === "") continue;
        const patterns = noteAcceptances(text);
        if (patterns.length === 0) continue;
        const key = `${sheet.name}\u0000${r + 1}`;
        const list = out.get(key) ?? [];
        list.push({ patterns, cell: a1(r + 1, m.col + 1) });
        out.set(key, list);
      }
    }
  }
  return out;
}

/**
 * Marks accepted findings in place (`accepted: true` and `acceptance`). A profile entry wins
 * over a note when both accept a finding. Findings already accepted are left as they are.
 */
export function applySuppressions(findings: Finding[], model: WorkbookModel, suppressions: readonly SuppressionInput[]): void {
  const notes = noteMarks(model);
  if (suppressions.length === 0 && notes.size === 0) return;
  for (const f of findings) {
    if (f.accepted) continue;
    let acceptance: Acceptance | null = null;
    const entry = suppressions.find((s) => suppressionMatches(s, f));
    if (entry) {
      acceptance = entry.reason !== undefined && entry.reason.trim() !== "" ? { source: "profile", reason: entry.reason.trim() } : { source: "profile" };
    } else {
      const mark = (notes.get(`${f.sheet}\u0000${f.row}`) ?? []).find((n) => n.patterns.some((p) => rulePatternMatches(p, f.rule)));
      if (mark) acceptance = { source: "note", sheet: f.sheet, cell: mark.cell };
    }
    if (acceptance) {
      f.accepted = true;
      f.acceptance = acceptance;
    }
  }
}
