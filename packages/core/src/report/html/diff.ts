import type { WorkbookDiff, LevelChange, ItemRef, RiskRowRef } from "../../diff/types";
import type { Finding } from "../../findings/finding";
import type { Lang } from "../../i18n/text";
import { levelLabel, type LevelId } from "../../scoring/levels";
import type { ReportSummary } from "../types";
import { html } from "./escape";
import { card, findingRow, findingsHead, heatMapParts } from "./check";
import { closePage, headerRight, HtmlWriter, metaList, openPage, pageRule, type HtmlReportMeta } from "./page";
import { w } from "./words";

export interface HtmlDiffInput {
  oldFile: string;
  newFile: string;
  diff: WorkbookDiff;
}

function level(l: LevelId | null, lang: Lang): string {
  return l === null ? `<span class="muted">—</span>` : `<span class="level ${l}">${levelLabel(l, lang)}</span>`;
}

/** 「高 → 中 下がった」: both levels and which way it went. */
function levelChange(c: LevelChange | undefined, now: LevelId | null, lang: Lang): string {
  if (!c) return level(now, lang);
  const word = { up: "levelUp", down: "levelDown", set: "levelSet", cleared: "levelCleared" } as const;
  const cls = c.direction === "up" ? "up" : c.direction === "down" ? "down" : "muted";
  return `${level(c.from, lang)} → ${level(c.to, lang)} <span class="${cls}" data-direction="${c.direction}">${w(word[c.direction], lang)}</span>`;
}

function where(sheet: string, cell: string, lang: Lang): string {
  return `${html(sheet, 100, lang)}!${html(cell)}`;
}

function itemCell(i: ItemRef, lang: Lang): string {
  return `${i.id !== "" ? `<span class="muted">${html(i.id, 40, lang)}</span> ` : ""}${html(i.label, 200, lang)}`;
}

function summaryComparison(a: ReportSummary, b: ReportSummary, ra: number | null, rb: number | null, lang: Lang): string {
  const rows: [string, number | null, number | null][] = [
    [w("errors", lang), a.errors, b.errors],
    [w("warnings", lang), a.warnings, b.warnings],
    [w("infos", lang), a.infos, b.infos],
    [w("accepted", lang), a.accepted, b.accepted],
    [`${w("risks", lang)}: ${levelLabel("high", lang)}`, a.risks.high, b.risks.high],
    [`${w("risks", lang)}: ${levelLabel("medium", lang)}`, a.risks.medium, b.risks.medium],
    [`${w("risks", lang)}: ${levelLabel("low", lang)}`, a.risks.low, b.risks.low],
    [`${w("risks", lang)}: ${w("incomplete", lang)}`, a.risks.incomplete, b.risks.incomplete],
    [w("readiness", lang), ra, rb],
  ];
  const delta = (x: number | null, y: number | null) => (x === null || y === null ? "" : y - x > 0 ? `+${y - x}` : y - x < 0 ? `${y - x}` : "±0");
  const body = rows
    .map(([label, x, y]) => `<tr><td>${label}</td><td class="num">${x ?? "—"}</td><td class="num">${y ?? "—"}</td><td class="num">${delta(x, y)}</td></tr>`)
    .join("");
  return `<table class="compare"><thead><tr><th></th><th class="num">${w("lastYear", lang)}</th><th class="num">${w("thisYear", lang)}</th><th class="num">±</th></tr></thead><tbody>${body}</tbody></table>`;
}

function summarySection(d: WorkbookDiff, lang: Lang): string {
  const s = d.summary;
  const n = (k: number) => (lang === "ja" ? `${k} 件` : String(k));
  const items = [
    card(w("items", lang), `${s.items.old} → ${s.items.new}`, "items.count"),
    card(w("added", lang), s.items.added, "items.added"),
    card(w("removed", lang), s.items.removed, "items.removed"),
    card(w("renamed", lang), s.items.renamed, "items.renamed"),
    card(w("renamedUncertain", lang), s.items.renamedUncertain, "items.renamedUncertain", s.items.renamedUncertain > 0 ? "warning" : ""),
    card(w("changed", lang), s.items.changed, "items.changed"),
  ];
  const risks = [
    card(w("riskRows", lang), `${s.risks.old} → ${s.risks.new}`, "risks.count"),
    card(w("added", lang), s.risks.added, "risks.added"),
    card(w("removed", lang), s.risks.removed, "risks.removed"),
    card(`${w("before", lang)}: ${w("levelDown", lang)}`, s.risks.before.down, "risks.before.down"),
    card(`${w("before", lang)}: ${w("levelUp", lang)}`, s.risks.before.up, "risks.before.up", s.risks.before.up > 0 ? "warning" : ""),
    card(`${w("after", lang)}: ${w("levelDown", lang)}`, s.risks.after.down, "risks.after.down"),
    card(`${w("after", lang)}: ${w("levelUp", lang)}`, s.risks.after.up, "risks.after.up", s.risks.after.up > 0 ? "warning" : ""),
  ];
  const errorsOf = (k: number) => (k > 0 ? `${w("ofWhichErrors", lang)} ${n(k)}` : "");
  const findings = [
    card(w("resolved", lang), s.findings.resolved, "findings.resolved", s.findings.resolved > 0 ? "ok" : "", errorsOf(s.findings.resolvedErrors)),
    card(w("newFindings", lang), s.findings.new, "findings.new", s.findings.newErrors > 0 ? "error" : "", errorsOf(s.findings.newErrors)),
    card(w("stillOpen", lang), s.findings.open, "findings.open", "", errorsOf(s.findings.openErrors)),
  ];
  const ra = d.old.overview?.readiness.score ?? null;
  const rb = d.new.overview?.readiness.score ?? null;
  return (
    `<section class="summary-block"><h2>${w("summary", lang)}</h2>` +
    `<h3>${w("itemsTitle", lang)}</h3><div class="cards">${items.join("")}</div>` +
    `<h3>${w("risksTitle", lang)}</h3><div class="cards">${risks.join("")}</div>` +
    `<h3>${w("findingsTitle", lang)}</h3><div class="cards">${findings.join("")}</div>` +
    summaryComparison(d.old.summary, d.new.summary, ra, rb, lang) +
    `</section>`
  );
}

function mapsSection(d: WorkbookDiff, lang: Lang): string {
  // Last year's maps and this year's in one row, so the two years read side by side.
  const figures: string[] = [];
  const notes: string[] = [];
  for (const [side, word, id] of [
    [d.old, "lastYear", "old"],
    [d.new, "thisYear", "new"],
  ] as const) {
    const caption = `${w(word, lang)} `;
    if (!side.overview) {
      notes.push(`<p class="note">${caption}${html(w("noMap", lang))}</p>`);
      continue;
    }
    const parts = heatMapParts(side.overview, lang, id, caption);
    for (const f of parts.figures) figures.push(f);
    for (const n of parts.notes) notes.push(n);
  }
  return `<section class="map-block"><h2>${w("heatMapsTitle", lang)}</h2>${figures.length > 0 ? `<div class="charts">${figures.join("")}</div>` : ""}${notes.join("")}</section>`;
}

function itemsSection(out: HtmlWriter, d: WorkbookDiff, lang: Lang): void {
  out.write(`<section class="items-block page-break"><h2>${w("itemsTitle", lang)}</h2>`);
  const f = d.ledgerFields;
  if (f.added.length > 0) out.write(`<p data-columns="added">${w("columnsAdded", lang)}: ${f.added.map((x) => html(x.label[lang])).join(lang === "ja" ? "、" : ", ")}</p>`);
  if (f.removed.length > 0) out.write(`<p data-columns="removed">${w("columnsRemoved", lang)}: ${f.removed.map((x) => html(x.label[lang])).join(lang === "ja" ? "、" : ", ")}</p>`);
  const { added, removed, changed } = d.items;
  if (added.length + removed.length + changed.length === 0) {
    out.write(`<p>${w("noItemChanges", lang)}</p></section>`);
    return;
  }
  const list = (title: string, items: readonly ItemRef[], kind: string) => {
    if (items.length === 0) return;
    out.write(`<h3>${title} <span class="muted">(${items.length})</span></h3><table class="items" data-items="${kind}"><thead><tr><th>${w("item", lang)}</th><th>${w("cell", lang)}</th></tr></thead><tbody>`);
    for (const i of items) out.write(`<tr class="item" data-label="${html(i.label, 200, lang)}"><td>${itemCell(i, lang)}</td><td class="cell">${where(i.sheet, i.cell, lang)}</td></tr>`);
    out.write(`</tbody></table>`);
  };
  list(w("added", lang), added, "added");
  list(w("removed", lang), removed, "removed");
  if (changed.length > 0) {
    out.write(`<h3>${w("renamed", lang)}・${w("changed", lang)} <span class="muted">(${changed.length})</span></h3>`);
    if (changed.some((c) => c.match === "similar")) out.write(`<p class="note">${html(w("renamedNote", lang))}</p>`);
    out.write(
      `<table class="items" data-items="changed"><thead><tr><th>${w("item", lang)}</th><th>${w("matchBy", lang)}</th><th>${w("field", lang)}</th><th>${w("lastYear", lang)}</th><th>${w("thisYear", lang)}</th></tr></thead><tbody>`,
    );
    for (const c of changed) {
      const badge = c.match === "similar" ? `<span class="sev warning">${w("renamedUncertain", lang)}</span>` : c.renamed ? `<span class="badge">${w("renamed", lang)}</span>` : "";
      const name = c.renamed ? `<span class="old">${html(c.old.label, 200, lang)}</span> → ${itemCell(c.new, lang)}` : itemCell(c.new, lang);
      const by = w(c.match === "id" ? "byId" : c.match === "name" ? "byName" : "bySimilar", lang);
      const fields = c.fields.filter((x) => x.field !== "name");
      const span = Math.max(1, fields.length);
      const head = `<td rowspan="${span}">${name} ${badge}<div class="hint">${where(c.new.sheet, c.new.cell, lang)}</div></td><td rowspan="${span}">${by}</td>`;
      const attrs = `class="item-change" data-label="${html(c.new.label, 200, lang)}" data-match="${c.match}"`;
      if (fields.length === 0) {
        out.write(`<tr ${attrs}>${head}<td colspan="3" class="muted">—</td></tr>`);
        continue;
      }
      fields.forEach((x, k) => {
        const cells = `<td data-field="${html(x.field)}">${html(x.label[lang])}</td><td>${x.old === "" ? `<span class="muted">(${w("none", lang)})</span>` : html(x.old, 200, lang)}</td><td>${x.new === "" ? `<span class="muted">(${w("none", lang)})</span>` : html(x.new, 200, lang)}</td>`;
        out.write(k === 0 ? `<tr ${attrs}>${head}${cells}</tr>` : `<tr>${cells}</tr>`);
      });
    }
    out.write(`</tbody></table>`);
  }
  out.write(`</section>`);
}

function rowText(r: RiskRowRef | undefined, lang: Lang): string {
  if (!r) return "";
  const at = lang === "ja" ? `${html(r.sheet, 100, lang)} ${r.row}行目` : `${html(r.sheet, 100, lang)} row ${r.row}`;
  return `${html(r.risk || "—", 200, lang)}<div class="hint">${w("measure", lang)}: ${html(r.measure || "—", 200, lang)} · ${at}</div>`;
}

function risksSection(out: HtmlWriter, d: WorkbookDiff, lang: Lang): void {
  out.write(`<section class="risks-block page-break"><h2>${w("risksTitle", lang)}</h2>`);
  if (d.risks.length === 0) {
    out.write(`<p>${w("noRiskChanges", lang)}</p></section>`);
    return;
  }
  out.write(
    `<table class="risk-changes"><thead><tr><th>${w("item", lang)}</th><th>${w("phase", lang)}</th><th>${w("change", lang)}</th><th>${w("risk", lang)}</th><th>${w("before", lang)}</th><th>${w("after", lang)}</th></tr></thead><tbody>`,
  );
  const sep = lang === "ja" ? "、" : ", ";
  for (const g of d.risks) {
    const names = (g.items.new.length > 0 ? g.items.new : g.items.old).map((x) => html(x, 100, lang)).join(sep);
    g.rows.forEach((r, k) => {
      const change = r.change === "added" ? w("added", lang) : r.change === "removed" ? w("removed", lang) : w("changed", lang);
      const notes = [r.reworded ? w("reworded", lang) : "", r.measureChanged ? w("measureChanged", lang) : ""].filter(Boolean).join(sep);
      const ref = r.new ?? r.old;
      const before = r.change === "changed" ? levelChange(r.before, r.new?.before ?? null, lang) : level(ref?.before ?? null, lang);
      const after = r.change === "changed" ? levelChange(r.after, r.new?.after ?? null, lang) : level(ref?.after ?? null, lang);
      const head = k === 0 ? `<td rowspan="${g.rows.length}">${names}</td><td rowspan="${g.rows.length}">${html(g.phaseLabel[lang], 60, lang)}</td>` : "";
      out.write(
        `<tr class="risk-change" data-change="${r.change}"${r.before ? ` data-before="${r.before.direction}"` : ""}${r.after ? ` data-after="${r.after.direction}"` : ""}>${head}` +
          `<td>${change}${notes ? `<div class="hint">${notes}</div>` : ""}</td><td>${r.change === "removed" ? `<span class="old">${rowText(r.old, lang)}</span>` : rowText(r.new, lang)}</td><td>${before}</td><td>${after}</td></tr>`,
      );
    });
  }
  out.write(`</tbody></table></section>`);
}

function findingsTable(out: HtmlWriter, title: string, kind: string, list: readonly Finding[], lang: Lang, was?: readonly { sheet: string; cell: string }[]): void {
  out.write(`<h3>${title} <span class="muted">(${list.length})</span></h3>`);
  if (list.length === 0) {
    out.write(`<p class="muted">${w("none", lang)}</p>`);
    return;
  }
  const extra = was ? `<th class="c-where">${w("wasAt", lang)}</th>` : "";
  out.write(`<table class="findings" data-findings="${kind}">${findingsHead(lang, { cell: `${w("sheet", lang)}!${w("cell", lang)}`, extra })}<tbody>`);
  list.forEach((f, i) => {
    const at = was?.[i];
    out.write(findingRow(f, lang, { cell: where(f.sheet, f.cell, lang), extra: at ? `<td class="cell">${where(at.sheet, at.cell, lang)}</td>` : "" }));
  });
  out.write(`</tbody></table>`);
}

function findingsSection(out: HtmlWriter, d: WorkbookDiff, lang: Lang): void {
  out.write(`<section class="findings-block page-break"><h2>${w("findingsTitle", lang)}</h2>`);
  findingsTable(out, w("newFindings", lang), "new", d.findings.new, lang);
  findingsTable(out, w("resolved", lang), "resolved", d.findings.resolved, lang);
  findingsTable(
    out,
    w("stillOpen", lang),
    "open",
    d.findings.open.map((o) => o.finding),
    lang,
    d.findings.open.map((o) => o.was),
  );
  out.write(`</section>`);
}

/**
 * `pmark diff --format html`: the year-on-year comparison as one self-contained page: summary
 * counts first, the two years' heat maps side by side, then items, risk rows and findings, each
 * section from a new printed page.
 */
export function writeDiffHtml(input: HtmlDiffInput, meta: HtmlReportMeta, sink: (chunk: string) => void): void {
  const out = new HtmlWriter(sink);
  const lang = meta.lang;
  const arrow = `${input.oldFile} → ${input.newFile}`;
  openPage(out, `${w("diffKind", lang)}: ${arrow}`, [pageRule("pm-diff", arrow, headerRight(meta), lang)], meta);
  out.write(`<section class="diff" style="page: pm-diff">`);
  out.write(
    `<header class="doc-head"><p class="doc-kind">${w("diffKind", lang)}</p><h1>${w("diffTitle", lang)}</h1>` +
      metaList([
        [w("oldWorkbook", lang), html(input.oldFile, 300, lang)],
        [w("newWorkbook", lang), html(input.newFile, 300, lang)],
        [w("checkDate", lang), html(meta.checkDate)],
        [w("profile", lang), html(`${meta.profile.id} ${meta.profile.version}`, 200, lang)],
        [w("generator", lang), html(meta.generator)],
      ]) +
      `</header>`,
  );
  out.write(summarySection(input.diff, lang));
  out.write(mapsSection(input.diff, lang));
  itemsSection(out, input.diff, lang);
  risksSection(out, input.diff, lang);
  findingsSection(out, input.diff, lang);
  out.write(`</section>`);
  closePage(out);
}

export function diffHtml(input: HtmlDiffInput, meta: HtmlReportMeta): string {
  const chunks: string[] = [];
  writeDiffHtml(input, meta, (c) => chunks.push(c));
  return chunks.join("");
}
