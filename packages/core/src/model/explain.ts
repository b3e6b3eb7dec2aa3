import { a1, columnLetters } from "../grid/grid";
import { fieldLabel } from "../glossary/fields";
import type { SheetKind } from "../glossary/kinds";
import type { LocalisedText } from "../i18n/text";
import type { RecognisedSheet, SkippedRole } from "../recognise/sheet";
import type { RiskModelKind } from "../scoring/schema";
import { bandsText, ruleText } from "./describe";
import type { WorkbookModel } from "./workbook";

/**
 * How each sheet was read, for `pmark explain` and the add-ins' "how this sheet was read": its
 * kind and why, the header rows, each column's role with the evidence from its header and its
 * values, the columns left unassigned, the rows skipped and why, and the scoring rule with where
 * it came from. A user who doubts a finding sees what the reader saw, and fixes the sheet.
 * Rows and columns are as users see them: 1-based rows, column letters.
 */
export interface WorkbookExplanation {
  sheets: SheetExplanation[];
}

export interface SheetExplanation {
  name: string;
  kind: SheetKind;
  why: LocalisedText;
  /** 1-based header rows, top first; empty when none was found. */
  headerRows: number[];
  layout?: "long" | "wide";
  columns: ColumnExplanation[];
  unassigned: { col: string; header: string; reason?: LocalisedText }[];
  rows: {
    /** Rows read as data: ledger items, risk rows, register entries. */
    items: number;
    /** 1-based first and last data row. */
    first?: number;
    last?: number;
    /** Non-blank rows below the header that are not data, as ranges of one role (1-based, inclusive). */
    skipped: { from: number; to: number; role: SkippedRole }[];
  };
  scoring?: ScoringExplanation;
}

export interface ColumnExplanation {
  /** Column letter. */
  col: string;
  field: string;
  label: LocalisedText;
  /** Wide risk layouts: the phase id of the column group. */
  phase?: string;
  header: string;
  source: "header" | "values" | "formula";
  /** 0–1. */
  confidence: number;
  evidence: LocalisedText[];
  wordScale?: boolean;
}

export interface ScoringExplanation {
  source: "formula" | "inferred" | "profile" | "columns";
  /** The cell the rule was read from (A1) and its formula. */
  at?: string;
  formula?: string;
  /** Rows an inferred rule was read from. */
  rows?: number;
  model: RiskModelKind;
  /** The least score that is 中 and 高 (score models only). */
  bands?: { medium: number; high: number };
  rule: LocalisedText;
  /** The profile states other criteria (said once at the header as a finding). */
  departs: boolean;
}

export const SKIPPED_ROLE_LABELS: Readonly<Record<SkippedRole, LocalisedText>> = {
  emptySlot: { ja: "空欄の行(番号や既定値のみ)", en: "empty slot (only a number or defaults)" },
  subHeading: { ja: "見出しの続き・区切り", en: "sub-heading" },
  example: { ja: "記入例", en: "example" },
  note: { ja: "注記", en: "note" },
  total: { ja: "合計行", en: "total" },
};

function skippedRanges(sheet: RecognisedSheet): SheetExplanation["rows"]["skipped"] {
  const out: SheetExplanation["rows"]["skipped"] = [];
  for (const s of sheet.skipped) {
    const last = out[out.length - 1];
    if (last && last.role === s.role && last.to === s.row) last.to = s.row + 1;
    else out.push({ from: s.row + 1, to: s.row + 1, role: s.role });
  }
  return out;
}

/** The first and last data row, 1-based (nothing when there is none). */
function rowSpan(rows: readonly number[]): { first?: number; last?: number } {
  const first = rows[0];
  const last = rows.at(-1);
  return first === undefined || last === undefined ? {} : { first: first + 1, last: last + 1 };
}

function explainSheet(sheet: RecognisedSheet, model: WorkbookModel): SheetExplanation {
  const kind = sheet.kind;
  const out: SheetExplanation = {
    name: sheet.name,
    kind,
    why: sheet.kindReason,
    headerRows: sheet.headerRows.map((r) => r + 1),
    ...(sheet.layout ? { layout: sheet.layout } : {}),
    columns: sheet.columns.map((m) => ({
      col: columnLetters(m.col + 1),
      field: m.field,
      label: kind === "unknown" ? { ja: m.field, en: m.field } : fieldLabel(kind, m.field),
      ...(m.phase ? { phase: m.phase } : {}),
      header: m.header,
      source: m.source,
      confidence: Math.round(m.confidence * 100) / 100,
      evidence: [...m.evidence],
      ...(m.wordScale ? { wordScale: true } : {}),
    })),
    unassigned: sheet.unmapped.map((u) => ({ col: columnLetters(u.col + 1), header: u.header, ...(u.reason ? { reason: u.reason } : {}) })),
    rows: {
      items: sheet.dataRows.length,
      ...rowSpan(sheet.dataRows),
      skipped: skippedRanges(sheet),
    },
  };
  const scoring = kind === "risk" ? model.scoringOf(sheet) : null;
  if (scoring) {
    const m = scoring.model;
    out.scoring = {
      source: scoring.source,
      ...(scoring.at ? { at: a1(scoring.at.row + 1, scoring.at.col + 1), formula: scoring.at.formula } : {}),
      ...(scoring.rows !== undefined ? { rows: scoring.rows } : {}),
      model: m.kind,
      ...(bandsText(m) ? { bands: { medium: m.thresholds.medium, high: m.thresholds.high } } : {}),
      rule: ruleText(scoring),
      departs: scoring.departs,
    };
  }
  return out;
}

export function explainModel(model: WorkbookModel): WorkbookExplanation {
  return { sheets: model.sheets.map((s) => explainSheet(s, model)) };
}
