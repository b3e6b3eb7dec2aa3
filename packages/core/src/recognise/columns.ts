import { RATING_FIELDS } from "../glossary/fields";
import { FIELD_CATALOGUE, fieldLabel } from "../glossary/fields";
import type { RecognisedKind, ValueType } from "../glossary/kinds";
import type { LocalisedText } from "../i18n/text";
import type { HeaderColumn } from "./header";
import type { ColumnMapping, UnassignedColumn } from "./types";
import { share, VALUE_CLASS_LABELS, type ColumnValues, type ValueClass } from "./values";

/**
 * Column roles from the header and the values together. A header's field stands when the
 * values fit it (or the column is still empty); when they contradict it, the column loses the
 * role (a 「脅威」 column of sentences describes the risk, it is no 1–n rating); and a column
 * whose values are unmistakably one thing (phase names, categories of personal information)
 * takes that role when no header names it.
 */

/** Fewer cells than this say nothing against a header. */
const MIN_CELLS = 3;
/** A role found from values alone needs this share of the column's cells. */
const VALUES_ALONE = 0.6;
/** Below this share of fitting values, and with text instead, a header's typed role is contradicted. */
const FIT_FLOOR = 0.3;

/** Rating headers whose column, when it holds sentences, describes the risk instead (脅威・脆弱性). */
const DESCRIBES_RISK = new Set(["threat", "vulnerability"]);

function typeOf(kind: RecognisedKind, field: string): ValueType | undefined {
  return (FIELD_CATALOGUE[kind] as Record<string, { type: ValueType } | undefined>)[field]?.type;
}

function valuesSay(values: ColumnValues, ...classes: ValueClass[]): LocalisedText {
  let n = 0;
  let top = classes[0] as ValueClass;
  for (const c of classes) {
    n += values.counts[c];
    if (values.counts[c] > values.counts[top]) top = c;
  }
  n = Math.min(n, values.cells);
  const label = VALUE_CLASS_LABELS[top];
  return { ja: `値${values.cells}件中${n}件が${label.ja}`, en: `${n} of ${values.cells} values are ${label.en}` };
}

function headerSays(h: HeaderColumn): LocalisedText {
  return h.exact ? { ja: `見出し「${h.header}」`, en: `header 「${h.header}」` } : { ja: `見出し「${h.header}」(一部一致)`, en: `header 「${h.header}」 (partial match)` };
}

/** The classes that fit a field's value type; null when any value fits (free text, ids, names). */
function fitting(type: ValueType | undefined): ValueClass[] | null {
  switch (type) {
    case "scale":
    case "level":
      return ["rating", "levelWord"];
    case "score":
      return ["number"];
    case "phase":
      return ["phase"];
    default:
      return null;
  }
}

/** What a column holds instead of what its header promised: text, or its most common class. */
function whatItHolds(values: ColumnValues): LocalisedText {
  const text = Math.min(values.cells, values.counts.longText + values.counts.shortText);
  let best: ValueClass | null = null;
  for (const c of ["phase", "category", "yesno", "date", "number"] as const) if (values.counts[c] > text && (!best || values.counts[c] > values.counts[best])) best = c;
  if (best) return valuesSay(values, best);
  return { ja: `値${values.cells}件中${text}件が文字列`, en: `${text} of ${values.cells} values are text` };
}

export interface ColumnAssignment {
  columns: ColumnMapping[];
  unassigned: UnassignedColumn[];
}

export function assignColumns(kind: RecognisedKind, headerColumns: readonly HeaderColumn[], values: readonly ColumnValues[], headerText: (col: number) => string): ColumnAssignment {
  const columns: ColumnMapping[] = [];
  const unassigned: UnassignedColumn[] = [];
  const byCol = new Map(headerColumns.map((h) => [h.col, h]));

  for (const h of headerColumns) {
    const v = values[h.col];
    // A risk sheet's 「No.」 that numbers blocks of rows (repeated down the block, or written once
    // at its top) names the ledger's items, not the rows.
    if (kind === "risk" && h.field === "id" && v && v.cells >= MIN_CELLS) {
      const repeats = v.sequence < 0.5 && v.distinct <= v.cells * 0.7;
      const perBlock = v.cells < v.rows * 0.7;
      if (repeats || perBlock) {
        const why = repeats
          ? { ja: `値${v.cells}件が${v.distinct}種類の番号の繰り返し(台帳の番号)`, en: `${v.cells} values repeat ${v.distinct} numbers (the ledger's numbers)` }
          : { ja: `${v.rows}行に番号${v.cells}件: 行のまとまりごとの番号(台帳の番号)`, en: `${v.cells} numbers over ${v.rows} rows: one per block of rows (the ledger's numbers)` };
        columns.push({ col: h.col, field: "itemRef", header: h.header, exact: false, source: "values", confidence: 0.8, evidence: [headerSays(h), why] });
        continue;
      }
    }
    const type = typeOf(kind, h.field);
    const fit = fitting(type);
    const base = h.exact ? 1 : h.score;
    const evidence: LocalisedText[] = [headerSays(h)];
    if (!v || v.cells < MIN_CELLS || fit === null) {
      const m: ColumnMapping = { col: h.col, field: h.field, header: h.header, exact: h.exact, source: "header", confidence: base * (v && v.cells > 0 ? 1 : 0.9), evidence };
      if (h.phase) m.phase = h.phase;
      // A text column under a text header may still be the phase column (「リスクの予想発生箇所」).
      if (kind === "risk" && v && v.cells >= MIN_CELLS && h.field !== "phase" && !h.phase && type === "text" && share(v, "phase") >= VALUES_ALONE) {
        columns.push({ col: h.col, field: "phase", header: h.header, exact: false, source: "values", confidence: share(v, "phase"), evidence: [valuesSay(v, "phase"), ...evidence] });
        continue;
      }
      if (v && RATING_FIELDS.has(h.field) && v.counts.levelWord > v.counts.rating) m.wordScale = true;
      columns.push(m);
      continue;
    }
    const fits = share(v, ...fit);
    if (fits >= FIT_FLOOR) {
      const m: ColumnMapping = { col: h.col, field: h.field, header: h.header, exact: h.exact, source: "header", confidence: base * (0.7 + 0.3 * fits), evidence: [...evidence, valuesSay(v, ...fit)] };
      if (h.phase) m.phase = h.phase;
      if (RATING_FIELDS.has(h.field) && v.counts.levelWord > v.counts.rating) m.wordScale = true;
      columns.push(m);
      continue;
    }
    // The values contradict the header's typed role.
    const label = fieldLabel(kind, h.field);
    const what = whatItHolds(v);
    const against: LocalisedText = {
      ja: `見出しは${label.ja}だが、${what.ja}`,
      en: `the header names ${label.en.toLowerCase()}, but ${what.en}`,
    };
    const riskDescribed = headerColumns.some((x) => x.field === "risk" && x.col !== h.col) || columns.some((m) => m.field === "risk");
    if (kind === "risk" && DESCRIBES_RISK.has(h.field) && share(v, "longText", "shortText") >= 1 - FIT_FLOOR && !riskDescribed) {
      const m: ColumnMapping = { col: h.col, field: "risk", header: h.header, exact: false, source: "values", confidence: share(v, "longText", "shortText"), evidence: [against, { ja: "リスクの内容を記述する列", en: "a column describing the risk" }] };
      if (h.phase) m.phase = h.phase;
      columns.push(m);
      continue;
    }
    if (kind === "risk" && (h.field === "score" || h.field === "residualScore") && share(v, "levelWord") >= VALUES_ALONE) {
      const m: ColumnMapping = { col: h.col, field: h.field === "score" ? "level" : "residualLevel", header: h.header, exact: false, source: "values", confidence: share(v, "levelWord"), evidence: [valuesSay(v, "levelWord"), against] };
      if (h.phase) m.phase = h.phase;
      columns.push(m);
      continue;
    }
    if (kind === "risk" && h.field !== "phase" && share(v, "phase") >= VALUES_ALONE) {
      columns.push({ col: h.col, field: "phase", header: h.header, exact: false, source: "values", confidence: share(v, "phase"), evidence: [valuesSay(v, "phase"), against] });
      continue;
    }
    if (kind === "risk" && DESCRIBES_RISK.has(h.field) && riskDescribed) {
      unassigned.push({ col: h.col, header: h.header, reason: { ja: `${against.ja}(リスクの内容は別の列から読み取った)`, en: `${against.en} (the risk is read from another column)` } });
      continue;
    }
    unassigned.push({ col: h.col, header: h.header, reason: against });
  }

  // Roles from values alone, for columns no header names.
  const has = (field: string) => columns.some((m) => m.field === field);
  for (const v of values) {
    if (byCol.has(v.col) || v.cells < MIN_CELLS) continue;
    const header = headerText(v.col);
    const evidence = (cls: ValueClass): LocalisedText[] => [valuesSay(v, cls), header === "" ? { ja: "見出しなし", en: "no header" } : { ja: `見出し「${header}」は該当なし`, en: `header 「${header}」 names no field` }];
    if (kind === "risk" && !has("phase") && share(v, "phase") >= VALUES_ALONE) {
      columns.push({ col: v.col, field: "phase", header, exact: false, source: "values", confidence: share(v, "phase"), evidence: evidence("phase") });
    } else if (kind === "ledger" && !has("infoCategory") && share(v, "category") >= VALUES_ALONE) {
      columns.push({ col: v.col, field: "infoCategory", header, exact: false, source: "values", confidence: share(v, "category"), evidence: evidence("category") });
    }
  }
  return settle(columns, unassigned);
}

/**
 * One phase column: a column whose values are phases beats a header whose values are not.
 * Other duplicates stay as the header search left them (the duplicate-column rule reports them).
 */
function settle(columns: ColumnMapping[], unassigned: UnassignedColumn[]): ColumnAssignment {
  const phases = columns.filter((m) => m.field === "phase" && m.phase === undefined);
  if (phases.length > 1) {
    const keep = phases.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    for (const m of phases) {
      if (m === keep) continue;
      columns.splice(columns.indexOf(m), 1);
      unassigned.push({ col: m.col, header: m.header, reason: { ja: "局面は別の列から読み取った", en: "the phases were read from another column" } });
    }
  }
  columns.sort((a, b) => a.col - b.col);
  unassigned.sort((a, b) => a.col - b.col);
  return { columns, unassigned };
}
