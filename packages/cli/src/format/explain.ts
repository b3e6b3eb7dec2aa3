import { KIND_LABELS, type Lang, type LocalisedText, type SheetExplanation, type SkippedRole, type WorkbookExplanation } from "@pmark/core";
import type { FileResult } from "../check-file";
import { TEXT_LIMITS, terminalText } from "../terminal-text";
import { jsonFileError, type JsonFileError } from "./json";

/**
 * `pmark explain`: how each sheet of each file was read. Text for a person (every workbook text
 * made safe for the terminal), JSON for a program (the explanation as core gives it).
 */

const SKIPPED: Readonly<Record<SkippedRole, LocalisedText>> = {
  emptySlot: { ja: "空欄の行(番号や既定値のみ)", en: "empty slots (only a number or defaults)" },
  subHeading: { ja: "見出しの続き・区切り", en: "sub-headings" },
  example: { ja: "記入例", en: "examples" },
  note: { ja: "注記", en: "notes" },
  total: { ja: "合計行", en: "totals" },
};

const SOURCE: Readonly<Record<"header" | "values" | "formula", LocalisedText>> = {
  header: { ja: "見出し", en: "header" },
  values: { ja: "値", en: "values" },
  formula: { ja: "数式", en: "formula" },
};

const WORDS = {
  kind: { ja: "種類", en: "kind" },
  why: { ja: "理由", en: "why" },
  header: { ja: "見出し行", en: "header rows" },
  none: { ja: "なし", en: "none" },
  columns: { ja: "列の役割", en: "columns" },
  unassigned: { ja: "割り当てなし", en: "not assigned" },
  rows: { ja: "データ行", en: "data rows" },
  skipped: { ja: "読まなかった行", en: "rows not read as data" },
  scoring: { ja: "リスク評価基準", en: "scoring rule" },
  departs: { ja: "(プロファイルの基準と異なる)", en: " (differs from the profile's)" },
  wordScale: { ja: "段階語", en: "word scale" },
  layout: { long: { ja: "縦型(1行=項目×局面)", en: "long (a row per item and phase)" }, wide: { ja: "横型(局面ごとの列グループ)", en: "wide (a column group per phase)" } },
};

function say(text: LocalisedText, lang: Lang): string {
  return terminalText(text[lang], { max: TEXT_LIMITS.message, lang });
}

function range(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

function sheetLines(s: SheetExplanation, lang: Lang): string[] {
  const w = (k: keyof Omit<typeof WORDS, "layout">) => WORDS[k][lang];
  const name = terminalText(s.name, { max: TEXT_LIMITS.sheet, lang });
  const out: string[] = [`  ${name} [${KIND_LABELS[s.kind][lang]}]`];
  out.push(`    ${w("why")}: ${say(s.why, lang)}`);
  if (s.kind === "unknown") return out;
  const layout = s.layout ? `, ${WORDS.layout[s.layout][lang]}` : "";
  out.push(`    ${w("header")}: ${s.headerRows.join(", ")}${layout}`);
  out.push(`    ${w("columns")}:`);
  for (const c of s.columns) {
    const phase = c.phase ? ` @${c.phase}` : "";
    const scale = c.wordScale ? `, ${w("wordScale")}` : "";
    const evidence = c.evidence.map((e) => say(e, lang)).join(lang === "ja" ? "、" : "; ");
    out.push(`      ${c.col} ${c.label[lang]}${phase} (${SOURCE[c.source][lang]} ${Math.round(c.confidence * 100)}%${scale}): ${evidence}`);
  }
  for (const u of s.unassigned) {
    const header = terminalText(u.header, { max: TEXT_LIMITS.label, lang });
    out.push(`      ${u.col} ${w("unassigned")}「${header}」${u.reason ? `: ${say(u.reason, lang)}` : ""}`);
  }
  const span = s.rows.first !== undefined && s.rows.last !== undefined ? ` (${range(s.rows.first, s.rows.last)})` : "";
  out.push(`    ${w("rows")}: ${s.rows.items}${span}`);
  if (s.rows.skipped.length > 0) {
    const parts = s.rows.skipped.map((k) => `${range(k.from, k.to)} ${SKIPPED[k.role][lang]}`);
    out.push(`    ${w("skipped")}: ${parts.join(lang === "ja" ? "、" : "; ")}`);
  }
  if (s.scoring) out.push(`    ${w("scoring")}: ${say(s.scoring.rule, lang)}${s.scoring.departs ? w("departs") : ""}`);
  return out;
}

export function explainText(results: readonly FileResult[], lang: Lang): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.ok) continue;
    out.push(terminalText(r.file, { max: TEXT_LIMITS.file, lang }));
    for (const s of r.report.explanation?.sheets ?? []) for (const line of sheetLines(s, lang)) out.push(line);
    out.push("");
  }
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

export interface ExplainJsonDocument {
  files: ({ file: string; sheets: WorkbookExplanation["sheets"] } | JsonFileError)[];
}

export function explainJson(results: readonly FileResult[]): string {
  const doc: ExplainJsonDocument = {
    files: results.map((r) => (r.ok ? { file: r.file, sheets: r.report.explanation?.sheets ?? [] } : jsonFileError(r.file, r.failure))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
