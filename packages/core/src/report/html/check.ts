import { compareFindings, type Finding } from "../../findings/finding";
import { KIND_LABELS, type SheetKind } from "../../glossary/kinds";
import type { Lang, LocalisedText } from "../../i18n/text";
import { SEVERITY_LABELS } from "../../plan/report-sheet";
import { levelLabel } from "../../scoring/levels";
import { suggestedAction } from "../actions";
import type { ReadinessComponentId, ReportOverview, ReportSummary, WorkbookReport } from "../types";
import { html } from "./escape";
import { heatMapTotal } from "./heat";
import { closePage, headerRight, HtmlWriter, metaList, openPage, pageRule, type HtmlReportMeta } from "./page";
import { departmentBarsSvg, heatMapSvg, phaseBarsSvg } from "./svg";
import { w } from "./words";

/** One input of `pmark check`: its report, or why it could not be read. */
export type HtmlCheckFile = { file: string; report: WorkbookReport } | { file: string; error: LocalisedText };

const READINESS_LABELS: Record<ReadinessComponentId, LocalisedText> = {
  columns: { ja: "台帳の必須列", en: "Required ledger columns" },
  rows: { ja: "必須項目がすべて埋まった台帳の行", en: "Ledger rows with every required cell" },
  phases: { ja: "すべての局面を分析済みの項目", en: "Items analysed in every phase" },
  scoring: { ja: "レベルを判定できたリスク行", en: "Risk rows with a level" },
  areas: { ja: "エラーのない分野", en: "Rule areas without errors" },
};

/** A count card; `key` names the count for readers of the page (tests compare it with the JSON). */
export function card(label: string, value: number | string, key: string, cls = "", sub = ""): string {
  return `<div class="card ${cls}" data-count-of="${key}"><div class="label">${label}</div><div class="value" data-value="${html(String(value))}">${html(String(value))}</div>${sub ? `<div class="sub">${sub}</div>` : ""}</div>`;
}

export function summaryCards(s: ReportSummary, readiness: number | null, lang: Lang, prefix = ""): string {
  const r = s.risks;
  const cards = [
    card(w("errors", lang), s.errors, `${prefix}errors`, s.errors > 0 ? "error" : "ok"),
    card(w("warnings", lang), s.warnings, `${prefix}warnings`, s.warnings > 0 ? "warning" : ""),
    card(w("infos", lang), s.infos, `${prefix}infos`),
    card(w("accepted", lang), s.accepted, `${prefix}accepted`),
    card(`${w("risks", lang)}: ${levelLabel("high", lang)}`, r.high, `${prefix}risks.high`),
    card(`${w("risks", lang)}: ${levelLabel("medium", lang)}`, r.medium, `${prefix}risks.medium`),
    card(`${w("risks", lang)}: ${levelLabel("low", lang)}`, r.low, `${prefix}risks.low`),
    card(`${w("risks", lang)}: ${w("incomplete", lang)}`, r.incomplete, `${prefix}risks.incomplete`),
  ];
  if (readiness !== null) cards.push(card(w("readiness", lang), readiness, `${prefix}readiness`, "", "/ 100"));
  return `<div class="cards">${cards.join("")}</div>`;
}

/** The heat maps of one workbook before and after measures as figures, and the notes that go under them. */
export function heatMapParts(o: ReportOverview, lang: Lang, id: string, caption = ""): { figures: string[]; notes: string[] } {
  const map = o.heatMap;
  if (heatMapTotal(map.before) === 0 && heatMapTotal(map.after) === 0) return { figures: [], notes: [`<p class="note" data-map-empty="${html(id)}">${caption}${html(w("noMap", lang))}</p>`] };
  const withAfter = map.columns.after || heatMapTotal(map.after) > 0;
  const fig = (which: "before" | "after") =>
    `<figure><figcaption>${caption}${html(w(which, lang))}</figcaption>${heatMapSvg(map, which, `${caption}${w(which, lang)}`, lang, id)}</figure>`;
  const figures = withAfter ? [fig("before"), fig("after")] : [fig("before")];
  const notes: string[] = [];
  if (!withAfter) notes.push(`<p class="note">${caption}${html(w("noResidual", lang))}</p>`);
  const unplaced = map.unplaced.before + (withAfter ? map.unplaced.after : 0);
  if (unplaced > 0) {
    const text =
      lang === "ja"
        ? `${w("unplaced", lang)}: ${w("before", lang)} ${map.unplaced.before}${withAfter ? `・${w("after", lang)} ${map.unplaced.after}` : ""}`
        : `${w("unplaced", lang)}: ${map.unplaced.before} before${withAfter ? `, ${map.unplaced.after} after` : ""} measures`;
    notes.push(`<p class="note">${caption}${html(text)}</p>`);
  }
  return { figures, notes };
}

/** The heat maps before and after measures, side by side. */
export function heatMapFigures(o: ReportOverview, lang: Lang, id: string): string {
  const { figures, notes } = heatMapParts(o, lang, id);
  return `${figures.length > 0 ? `<div class="charts">${figures.join("")}</div>` : ""}${notes.join("")}`;
}

function readinessTable(o: ReportOverview, lang: Lang): string {
  const rows = o.readiness.components.map(
    (c) =>
      `<tr data-component="${c.id}" data-met="${c.met}" data-of="${c.of}"><td>${html(READINESS_LABELS[c.id][lang])}</td><td class="num">${c.weight}</td>` +
      `<td><span class="bar"><span style="width:${Math.round(c.ratio * 100)}%"></span></span>${lang === "ja" ? `${c.of} 中 ${c.met}` : `${c.met} of ${c.of}`}</td></tr>`,
  );
  return `<table class="readiness"><thead><tr><th>${w("component", lang)}</th><th class="num">${w("weight", lang)}</th><th>${w("share", lang)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function coverageSection(o: ReportOverview, lang: Lang): string {
  const c = o.coverage;
  const parts: string[] = [`<h2>${w("coverage", lang)}</h2>`, `<div class="charts">`];
  parts.push(`<figure><figcaption>${w("byPhase", lang)}</figcaption>${phaseBarsSvg(c, lang)}</figure>`);
  if (c.departments.length > 0 && c.departments.some((d) => d.department !== "")) {
    parts.push(`<figure><figcaption>${w("byDepartment", lang)}</figcaption>${departmentBarsSvg(c, lang)}</figure>`);
  }
  parts.push(`</div>`);
  if (!c.phased) parts.push(`<p class="note">${html(w("noPhaseColumn", lang))}</p>`);
  if (c.departments.some((d) => d.department !== "")) {
    const rows = c.departments.map(
      (d) =>
        `<tr><td>${d.department === "" ? html(w("noDepartment", lang)) : html(d.department, 200, lang)}</td><td class="num">${d.items}</td><td class="num">${d.analysed}</td>` +
        `<td class="num">${d.findings}</td><td class="num">${d.errors}</td></tr>`,
    );
    parts.push(
      `<table class="departments"><thead><tr><th>${w("department", lang)}</th><th class="num">${w("items", lang)}</th><th class="num">${w("analysed", lang)}</th>` +
        `<th class="num">${w("findingsCount", lang)}</th><th class="num">${w("ofWhichErrors", lang)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    );
  }
  return parts.join("");
}

function sheetsTable(report: WorkbookReport, lang: Lang): string {
  const rows = report.sheets.map(
    (s) =>
      `<tr data-sheet="${html(s.name, 300, lang)}" data-kind="${s.kind}"><td>${html(s.name, 300, lang)}</td><td>${html(KIND_LABELS[s.kind][lang])}</td>` +
      `<td class="num">${s.headerRow > 0 ? s.headerRow : "—"}</td><td class="num">${s.rows}</td><td>${s.layout ? html(w(s.layout, lang)) : ""}</td></tr>`,
  );
  return (
    `<table class="sheets"><thead><tr><th>${w("sheet", lang)}</th><th>${w("kind", lang)}</th><th class="num">${w("headerRow", lang)}</th>` +
    `<th class="num">${w("dataRows", lang)}</th><th>${w("layout", lang)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

/** A rule id that may break after its slash and hyphens in a narrow column. */
function ruleId(rule: string): string {
  return html(rule).replace(/([/-])/g, "$1<wbr>");
}

/** One finding as a table row: cell, severity, rule, message (with the reader's hint), suggested action. */
export function findingRow(f: Finding, lang: Lang, opts: { cell?: string; extra?: string } = {}): string {
  const accepted = f.accepted ? `<span class="badge">${w("accepted", lang)}</span>` : "";
  const hint = f.hint ? ` <span class="hint">(${html(f.hint, 100, lang)})</span>` : "";
  return (
    `<tr class="finding" data-rule="${html(f.rule)}" data-severity="${f.severity}" data-sheet="${html(f.sheet, 300, lang)}" data-cell="${html(f.cell)}"${f.accepted ? ` data-accepted="true"` : ""}>` +
    `<td class="cell">${opts.cell ?? html(f.cell)}</td><td class="severity"><span class="sev ${f.severity}">${SEVERITY_LABELS[f.severity][lang]}</span>${accepted}</td>` +
    `<td class="rule"><code>${ruleId(f.rule)}</code></td><td>${html(f.message[lang], 1000, lang)}${hint}</td><td>${html(suggestedAction(f.rule)[lang])}</td>${opts.extra ?? ""}</tr>`
  );
}

export function findingsHead(lang: Lang, opts: { cell?: string; extra?: string } = {}): string {
  const cellClass = opts.cell === undefined ? "c-cell" : "c-where";
  return (
    `<thead><tr><th class="${cellClass}">${opts.cell ?? w("cell", lang)}</th><th class="c-sev">${w("severity", lang)}</th><th class="c-rule">${w("rule", lang)}</th>` +
    `<th>${w("message", lang)}</th><th class="c-action">${w("action", lang)}</th>${opts.extra ?? ""}</tr></thead>`
  );
}

/** Findings grouped by sheet, in workbook order; findings on sheets not listed come after. */
export function groupBySheet(findings: readonly Finding[], sheets: readonly { name: string; kind: SheetKind }[]): { sheet: string; kind?: SheetKind; findings: Finding[] }[] {
  const order = new Map<string, number>();
  const kinds = new Map<string, SheetKind>();
  sheets.forEach((s, i) => {
    if (!order.has(s.name)) order.set(s.name, i);
    kinds.set(s.name, s.kind);
  });
  for (const f of findings) if (!order.has(f.sheet)) order.set(f.sheet, order.size + 1e6);
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings.slice().sort(compareFindings(order))) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return [...bySheet].map(([sheet, list]) => {
    const kind = kinds.get(sheet);
    return kind === undefined ? { sheet, findings: list } : { sheet, kind, findings: list };
  });
}

export function sheetTitle(sheet: string, kind: SheetKind | undefined, lang: Lang): string {
  if (sheet === "") return html(w("wholeWorkbook", lang));
  return `${html(sheet, 300, lang)}${kind !== undefined ? ` <span class="muted">[${html(KIND_LABELS[kind][lang])}]</span>` : ""}`;
}

function writeFindings(out: HtmlWriter, report: WorkbookReport, lang: Lang): void {
  out.write(`<section class="findings-block"><h2>${w("findings", lang)}</h2>`);
  const groups = groupBySheet(report.findings, report.sheets);
  if (groups.length === 0) {
    out.write(`<p>${w("noFindings", lang)}</p></section>`);
    return;
  }
  for (const g of groups) {
    const count = lang === "ja" ? `${g.findings.length} 件` : `${g.findings.length} finding${g.findings.length === 1 ? "" : "s"}`;
    out.write(`<section class="sheet-block" data-findings-sheet="${html(g.sheet, 300, lang)}"><h3>${sheetTitle(g.sheet, g.kind, lang)} <span class="muted">(${count})</span></h3>`);
    out.write(`<table class="findings">${findingsHead(lang)}<tbody>`);
    for (const f of g.findings) out.write(findingRow(f, lang));
    out.write(`</tbody></table></section>`);
  }
  out.write(`</section>`);
}

function fileMeta(meta: HtmlReportMeta, fileCount: number): [string, string][] {
  const rows: [string, string][] = [
    [w("checkDate", meta.lang), html(meta.checkDate)],
    [w("profile", meta.lang), html(`${meta.profile.id} ${meta.profile.version}`, 200, meta.lang)],
  ];
  if (fileCount > 1) rows.push([w("files", meta.lang), String(fileCount)]);
  rows.push([w("generator", meta.lang), html(meta.generator)]);
  return rows;
}

function writeFile(out: HtmlWriter, f: HtmlCheckFile, index: number, meta: HtmlReportMeta, separate: boolean): void {
  const lang = meta.lang;
  const breakBefore = separate ? " page-break" : "";
  out.write(`<section class="file${breakBefore}" id="file-${index + 1}" style="page: pm-file-${index + 1}" data-file="${html(f.file, 1000, lang)}">`);
  out.write(`<header class="doc-head"><p class="doc-kind">${w("checkKind", lang)}</p><h1>${html(f.file, 300, lang)}</h1>${metaList(fileMeta(meta, 1))}</header>`);
  if ("error" in f) {
    out.write(`<p class="failed" role="alert">${html(f.error[lang], 2000, lang)}</p></section>`);
    return;
  }
  const { report } = f;
  const o = report.overview;
  out.write(`<section class="summary-block"><h2>${w("summary", lang)}</h2>${summaryCards(report.summary, o ? o.readiness.score : null, lang)}`);
  if (o) out.write(`<p class="note">${html(w("readinessNote", lang))}</p>${readinessTable(o, lang)}`);
  out.write(`</section>`);
  if (o) {
    out.write(`<section class="map-block"><h2>${w("riskMap", lang)}</h2>${heatMapFigures(o, lang, `file-${index + 1}`)}</section>`);
    out.write(`<section class="coverage-block">${coverageSection(o, lang)}</section>`);
  }
  out.write(`<section class="sheets-block"><h2>${w("sheets", lang)}</h2>${sheetsTable(report, lang)}</section>`);
  writeFindings(out, report, lang);
  out.write(`</section>`);
}

/**
 * `pmark check --format html`: one self-contained page for every file checked (the summary and
 * readiness, the heat maps before and after measures, coverage by phase and department, the
 * sheets read and every finding grouped by sheet), written to `sink` in blocks. With several
 * files a table of all of them comes first and each file starts on a new printed page.
 */
export function writeCheckHtml(files: readonly HtmlCheckFile[], meta: HtmlReportMeta, sink: (chunk: string) => void): void {
  const out = new HtmlWriter(sink);
  const lang = meta.lang;
  const right = headerRight(meta);
  const rules = [pageRule("pm-overview", w("checkTitle", lang), right, lang), ...files.map((f, i) => pageRule(`pm-file-${i + 1}`, f.file, right, lang))];
  const only = files.length === 1 ? files[0] : undefined;
  const title = only ? `${w("checkKind", lang)}: ${only.file}` : w("checkTitle", lang);
  openPage(out, title, rules, meta);
  if (files.length !== 1) {
    out.write(`<section class="file-list" style="page: pm-overview"><header class="doc-head"><p class="doc-kind">${w("checkKind", lang)}</p><h1>${w("checkTitle", lang)}</h1>${metaList(fileMeta(meta, files.length))}</header>`);
    const rows = files.map((f, i) => {
      if ("error" in f) return `<tr><td><a href="#file-${i + 1}">${html(f.file, 300, lang)}</a></td><td colspan="4">${html(f.error[lang], 500, lang)}</td></tr>`;
      const s = f.report.summary;
      return `<tr><td><a href="#file-${i + 1}">${html(f.file, 300, lang)}</a></td><td class="num">${s.errors}</td><td class="num">${s.warnings}</td><td class="num">${s.infos}</td><td class="num">${f.report.overview?.readiness.score ?? "—"}</td></tr>`;
    });
    out.write(
      `<table class="files"><thead><tr><th>${w("file", lang)}</th><th class="num">${w("errors", lang)}</th><th class="num">${w("warnings", lang)}</th><th class="num">${w("infos", lang)}</th><th class="num">${w("readiness", lang)}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`,
    );
  }
  files.forEach((f, i) => writeFile(out, f, i, meta, files.length !== 1));
  closePage(out);
}

/** The page as one string (see writeCheckHtml). */
export function checkHtml(files: readonly HtmlCheckFile[], meta: HtmlReportMeta): string {
  const chunks: string[] = [];
  writeCheckHtml(files, meta, (c) => chunks.push(c));
  return chunks.join("");
}
