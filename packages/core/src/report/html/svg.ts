import type { Lang } from "../../i18n/text";
import type { Coverage, HeatMap } from "../types";
import { html, label } from "./escape";
import { heatMapCells } from "./heat";
import { w } from "./words";

/**
 * The report's pictures as inline SVG text: the likelihood × impact heat map (each cell's count
 * written in it, coloured by the level its score falls in, as in the add-ins' risk map), and
 * bar charts of coverage by phase and by department. Every label is escaped text; counts carry
 * data attributes so a test can read them back.
 */

const FILL = {
  high: { empty: "#fdeef0", full: "#e8a0a8" },
  medium: { empty: "#fffae6", full: "#f5d76e" },
  low: { empty: "#f0f8f1", full: "#a8d5b0" },
} as const;

const CELL = 40;
const AXIS = 34;

/** One heat map grid: likelihood up the side (highest on top), impact across. */
export function heatMapSvg(map: HeatMap, which: "before" | "after", title: string, lang: Lang, id: string): string {
  const counts = map[which];
  const ls = map.likelihood;
  const is = map.impact;
  const rows = ls.max - ls.min + 1;
  const cols = is.max - is.min + 1;
  const width = AXIS + 16 + cols * CELL + 4;
  const height = rows * CELL + AXIS + 4;
  const label = `${title}: ${w("likelihood", lang)} × ${w("impact", lang)}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="heat" data-map="${which}" data-id="${html(id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${html(label)}">`,
    `<title>${html(label)}</title>`,
  ];
  heatMapCells(map, counts).forEach((cells, r) => {
    const y = r * CELL;
    cells.forEach(({ likelihood, impact, count: n, zone: level }, c) => {
      const x = AXIS + 16 + c * CELL;
      out.push(
        `<g class="heat-cell" data-likelihood="${likelihood}" data-impact="${impact}" data-count="${n}"><title>${html(`${w("likelihood", lang)} ${likelihood} × ${w("impact", lang)} ${impact}: ${n}`)}</title>` +
          `<rect x="${x}" y="${y}" width="${CELL - 3}" height="${CELL - 3}" rx="3" fill="${n > 0 ? FILL[level].full : FILL[level].empty}" stroke="#c8c8c8" stroke-width="0.5"/>` +
          (n > 0 ? `<text x="${x + (CELL - 3) / 2}" y="${y + CELL / 2 + 3}" text-anchor="middle" font-size="13" font-weight="600" fill="#1f1f1f">${n}</text>` : "") +
          `</g>`,
      );
    });
    out.push(`<text x="${AXIS + 10}" y="${y + CELL / 2 + 3}" text-anchor="end" font-size="11" fill="#595959">${ls.max - r}</text>`);
  });
  for (let c = 0; c < cols; c++) {
    out.push(`<text x="${AXIS + 16 + c * CELL + (CELL - 3) / 2}" y="${rows * CELL + 12}" text-anchor="middle" font-size="11" fill="#595959">${is.min + c}</text>`);
  }
  out.push(`<text x="${AXIS + 16 + (cols * CELL) / 2}" y="${rows * CELL + 28}" text-anchor="middle" font-size="11" fill="#595959">${html(w("impact", lang))} →</text>`);
  out.push(
    `<text x="12" y="${(rows * CELL) / 2}" text-anchor="middle" font-size="11" fill="#595959" transform="rotate(-90 12 ${(rows * CELL) / 2})">${html(w("likelihood", lang))} →</text>`,
  );
  out.push("</svg>");
  return out.join("");
}

const BAR_LABEL = 150;
const BAR = 260;
const BAR_ROW = 24;

/** A horizontal bar per row: label, a bar of done/of, and "done/of" (and an extra text) after it. */
function bars(rows: readonly { label: string; done: number; of: number; extra?: string; data: string }[], title: string, cls: string): string {
  const height = rows.length * BAR_ROW + 6;
  const width = BAR_LABEL + BAR + 170;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${html(title)}">`,
    `<title>${html(title)}</title>`,
  ];
  rows.forEach((r, i) => {
    const y = i * BAR_ROW + 4;
    const share = r.of > 0 ? r.done / r.of : 0;
    const full = r.of > 0 && r.done >= r.of;
    out.push(
      `<g class="bar-row" ${r.data}>` +
        `<text x="${BAR_LABEL - 8}" y="${y + 14}" text-anchor="end" font-size="12" fill="#1f1f1f">${r.label}</text>` +
        `<rect x="${BAR_LABEL}" y="${y + 3}" width="${BAR}" height="14" rx="2" fill="#f4f4f4" stroke="#c8c8c8" stroke-width="0.5"/>` +
        (share > 0 ? `<rect x="${BAR_LABEL}" y="${y + 3}" width="${Math.max(1, Math.round(BAR * share))}" height="14" rx="2" fill="${full ? "#3a8f3a" : "#0f5ea8"}"/>` : "") +
        `<text x="${BAR_LABEL + BAR + 8}" y="${y + 14}" font-size="12" fill="#1f1f1f">${r.of > 0 ? `${r.done}/${r.of}` : ""}${r.extra ?? ""}</text>` +
        `</g>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}

/** Items analysed per phase (only phases some item is subject to draw a bar; the others say so). */
export function phaseBarsSvg(coverage: Coverage, lang: Lang): string {
  const rows = coverage.phases.map((p) => ({
    label: label(p.label[lang], 16),
    done: p.analysed,
    of: p.applicable,
    ...(p.applicable === 0 ? { extra: html(w("notApplicable", lang)) } : {}),
    data: `data-phase="${html(p.phase)}" data-applicable="${p.applicable}" data-analysed="${p.analysed}"`,
  }));
  return bars(rows, w("byPhase", lang), "coverage-phases");
}

/** Drawn departments at most; the table under the picture lists every one. */
export const DEPARTMENT_BARS_MAX = 30;

/** Items analysed per department, with the findings on them. */
export function departmentBarsSvg(coverage: Coverage, lang: Lang): string {
  const rows = coverage.departments.slice(0, DEPARTMENT_BARS_MAX).map((d) => ({
    label: d.department === "" ? html(w("noDepartment", lang)) : label(d.department, 14),
    done: d.analysed,
    of: d.items,
    extra: html(lang === "ja" ? `・指摘 ${d.findings}` : ` · ${d.findings} finding${d.findings === 1 ? "" : "s"}`),
    data: `data-department="${html(d.department)}" data-items="${d.items}" data-analysed="${d.analysed}" data-findings="${d.findings}"`,
  }));
  return bars(rows, w("byDepartment", lang), "coverage-departments");
}
