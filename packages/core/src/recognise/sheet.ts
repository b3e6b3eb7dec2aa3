import { gridSize, type SheetGrid } from "../grid/grid";
import { fieldLabel } from "../glossary/fields";
import { KIND_LABELS, type RecognisedKind } from "../glossary/kinds";
import type { ExtraSynonyms } from "../glossary/match";
import type { LocalisedText } from "../i18n/text";
import type { PhaseDef } from "../profile/schema";
import { assignColumns } from "./columns";
import { findHeader, HEADER_SCAN_COLS, labelAt, type HeaderChoice } from "./header";
import { readRows } from "./rows";
import { statedScale } from "./scale";
import { readScoringRule, sourceText } from "./scoring-rule";
import type { ColumnMapping, RecognisedSheet, UnassignedColumn } from "./types";
import { profileColumns, sampleRows } from "./values";

/**
 * Recognition of one sheet: the header (rows and kind) from header words, the columns' roles
 * from header and values together, the sheet's own scoring rule from its formulas, then the role
 * of every row below the header. Never from the tab name.
 */

export interface RecogniseOptions {
  synonyms?: ExtraSynonyms;
  phases?: readonly PhaseDef[];
  /** The workbook's sheets, for formulas that look up another sheet (a 評価基準 sheet). */
  workbook?: readonly SheetGrid[];
}

const NO_SYNONYMS: ExtraSynonyms = {};

function listFields(kind: RecognisedKind, columns: readonly ColumnMapping[]): { ja: string; en: string } {
  const fields = [...new Set(columns.map((m) => m.field))].slice(0, 4).map((f) => fieldLabel(kind, f));
  const more = new Set(columns.map((m) => m.field)).size > 4;
  return { ja: fields.map((f) => f.ja).join("・") + (more ? "…" : ""), en: fields.map((f) => f.en.toLowerCase()).join(", ") + (more ? "…" : "") };
}

function kindReason(best: HeaderChoice, columns: readonly ColumnMapping[]): LocalisedText {
  const n = new Set(columns.map((m) => m.field)).size;
  const rows = best.rows.map((r) => r + 1).join("–");
  const fields = listFields(best.kind, columns);
  const label = KIND_LABELS[best.kind];
  const layout = best.layout === "wide" ? { ja: "(局面ごとの列グループ)", en: " (a column group per phase)" } : { ja: "", en: "" };
  return {
    ja: `${rows}行目の見出しに${label.ja}の項目が${n}個ある(${fields.ja})${layout.ja}`,
    en: `the header in row ${rows} names ${n} ${label.en} fields (${fields.en})${layout.en}`,
  };
}

export function recogniseSheet(grid: SheetGrid, index: number, opts: RecogniseOptions = {}): RecognisedSheet {
  const size = gridSize(grid);
  const extra = opts.synonyms ?? NO_SYNONYMS;
  const { best, closest } = findHeader(grid, size, opts);
  if (!best) {
    const closer = closest ? KIND_LABELS[closest.kind] : null;
    return {
      grid,
      name: grid.name,
      index,
      kind: "unknown",
      kindReason: closer
        ? { ja: `どの種類の見出しも見つからない(最も近いのは${closer.ja}で${closest?.fields}項目)`, en: `no header of any kind found (closest: ${closer.en}, ${closest?.fields} fields)` }
        : { ja: "見出しとして読める行がない", en: "no row reads as a header" },
      headerRow: -1,
      headerRows: [],
      columns: [],
      byField: new Map(),
      dataRows: [],
      skipped: [],
      unmapped: [],
      scoring: null,
      statedScale: null,
      diagnosis: { bestKind: closest?.kind ?? null, fields: closest?.fields ?? 0 },
    };
  }

  const width = Math.min(size.cols, HEADER_SCAN_COLS);
  const values = profileColumns(grid, sampleRows(best.row + 1, size.rows), width, opts.phases);
  const headerText = (c: number) => labelAt(grid, best.row, c);
  const { columns, unassigned } = assignColumns(best.kind, best.columns, values, headerText);

  let scoring = null;
  if (best.kind === "risk") {
    const read = readScoringRule(grid, columns, best.row, size.rows, opts.workbook);
    scoring = read.rule;
    // Columns only the sheet's formulas name (a rating with no header) take their role from them.
    for (const f of read.found) {
      if (columns.some((m) => m.col === f.col)) continue;
      const at = unassigned.findIndex((u) => u.col === f.col);
      if (at >= 0) unassigned.splice(at, 1);
      columns.push({ col: f.col, field: f.field, header: headerText(f.col), exact: false, source: "formula", confidence: 0.8, evidence: [sourceText(f.at)] });
    }
    columns.sort((a, b) => a.col - b.col);
  }

  const { dataRows, skipped } = readRows(grid, best.kind, columns, best.rows, size.rows, extra);
  const mapped = new Set(columns.map((m) => m.col));
  const unmapped: UnassignedColumn[] = [...unassigned];
  for (let c = 0; c < width; c++) {
    const h = headerText(c);
    if (h !== "" && !mapped.has(c) && !unmapped.some((u) => u.col === c)) unmapped.push({ col: c, header: h });
  }
  unmapped.sort((a, b) => a.col - b.col);
  const byField = new Map<string, ColumnMapping[]>();
  for (const m of columns) {
    const list = byField.get(m.field);
    if (list) list.push(m);
    else byField.set(m.field, [m]);
  }
  return {
    grid,
    name: grid.name,
    index,
    kind: best.kind,
    kindReason: kindReason(best, columns),
    headerRow: best.row,
    headerRows: best.rows,
    ...(best.layout ? { layout: best.layout } : {}),
    columns,
    byField,
    dataRows,
    skipped,
    unmapped,
    scoring,
    statedScale: best.kind === "risk" ? statedScale(grid, best.rows, columns, skipped) : null,
  };
}

export type { ColumnMapping, RecognisedSheet, RowRole, SkippedRole, SkippedRow, UnassignedColumn } from "./types";
