import { cellText, type SheetGrid } from "../grid/grid";
import type { Lang } from "../i18n/text";
import { TEMPLATE_FORMAT, TEMPLATE_PARTS, type SheetSpec, type TemplatePart, type TemplateProfileStamp } from "./spec";

/**
 * The hidden sheet a template carries: key/value rows under a first cell 「pmark-template」 that
 * identifies it (its tab name may change). `template/outdated` reads it back from the grids.
 */
export const META_MARK = "pmark-template";
export const META_SHEET_NAME = "_pmark";

export interface TemplateMeta {
  sheet: string;
  format: string;
  profileId: string;
  profileVersion: string;
  profileHash: string;
  parts: Partial<Record<TemplatePart, string>>;
  lang: string;
  fingerprint: string;
  /** 0-based row of each key, for pointing at a value. */
  rowOf: Map<string, number>;
}

export function metaSheet(stamp: TemplateProfileStamp, lang: Lang, fingerprint: string): SheetSpec {
  const rows: [string, string][] = [
    ["profileId", stamp.id],
    ["profileVersion", stamp.version],
    ["profileHash", stamp.hash],
    ...TEMPLATE_PARTS.map((p): [string, string] => [p, stamp.parts[p]]),
    ["lang", lang],
    ["fingerprint", fingerprint],
    ["note", lang === "ja" ? "pmark がテンプレートの版を判定するためのシートです。編集しないでください。" : "pmark reads this sheet to tell the template's version; do not edit it."],
  ];
  return {
    kind: "meta",
    name: META_SHEET_NAME,
    hidden: true,
    headerRow: 1,
    columns: [
      { field: "key", header: META_MARK, width: 16 },
      { field: "value", header: TEMPLATE_FORMAT, width: 40 },
    ],
    rows,
    tableRows: 0,
    freeze: { rows: 0, cols: 0 },
  };
}

/** The template metadata of a workbook, from whichever sheet starts with 「pmark-template」; null when none. */
export function readTemplateMeta(grids: readonly SheetGrid[]): TemplateMeta | null {
  for (const grid of grids) {
    if (cellText(grid.values[0]?.[0]) !== META_MARK) continue;
    const values = new Map<string, string>();
    const rowOf = new Map<string, number>();
    grid.values.forEach((row, r) => {
      const key = cellText(row[0]);
      if (r === 0 || key === "" || values.has(key)) return;
      values.set(key, cellText(row[1]));
      rowOf.set(key, r);
    });
    const parts: Partial<Record<TemplatePart, string>> = {};
    for (const p of TEMPLATE_PARTS) {
      const v = values.get(p);
      if (v) parts[p] = v;
    }
    return {
      sheet: grid.name,
      format: cellText(grid.values[0]?.[1]),
      profileId: values.get("profileId") ?? "",
      profileVersion: values.get("profileVersion") ?? "",
      profileHash: values.get("profileHash") ?? "",
      parts,
      lang: values.get("lang") ?? "",
      fingerprint: values.get("fingerprint") ?? "",
      rowOf,
    };
  }
  return null;
}
