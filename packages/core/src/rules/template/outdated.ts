import type { LocalisedText } from "../../i18n/text";
import { templateStamp } from "../../templates/build";
import { readTemplateMeta } from "../../templates/meta";
import { TEMPLATE_PARTS, type TemplatePart } from "../../templates/spec";
import { defineRule } from "../define";

const PART_TEXT: Record<TemplatePart | "version", LocalisedText> = {
  fields: { ja: "台帳の列", en: "ledger columns" },
  phases: { ja: "局面", en: "phases" },
  model: { ja: "リスク評価の方法", en: "risk model" },
  version: { ja: "版のみ(列・局面・評価方法は同じ)", en: "version only (same columns, phases and model)" },
};

/** Dotted versions compared part by part, numerically where both parts are numbers. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A workbook made from a template of an older version of the profile it is checked with: the
 * template's hidden sheet (templates/meta.ts) records the profile's id, version and a hash per
 * part; the parts whose hash differs are what changed. A template of another profile, or of a
 * newer version than the checker's, is not reported.
 */
export const templateOutdated = defineRule({
  meta: {
    id: "template/outdated",
    area: "template",
    defaultSeverity: "info",
    clause: null,
    description: {
      ja: "ブックが、プロファイルの古い版のテンプレートから作られている。",
      en: "The workbook was made from a template of an older version of its profile.",
    },
    messages: {
      outdated: {
        ja: "このブックは、プロファイル「{{profile}}」の版{{from}}のテンプレートから作られています(現在の版は{{to}})。変更点は{{changes}}です。pmark templateで最新のテンプレートを作り、列・局面・評価式を見直してください。",
        en: "This workbook was made from the template of profile \"{{profile}}\" {{from}} (now {{to}}). Changed: {{changesEn}}. Make the current template with pmark template and bring columns, phases and formulas up to date.",
      },
    },
  },
  check(ctx) {
    const meta = readTemplateMeta(ctx.model.sheets.map((s) => s.grid));
    if (!meta || meta.profileId !== ctx.profile.id) return;
    const current = templateStamp(ctx.profile);
    if (compareVersions(meta.profileVersion, current.version) > 0) return;
    const changed: (TemplatePart | "version")[] = TEMPLATE_PARTS.filter((p) => (meta.parts[p] ?? meta.profileHash) !== current.parts[p]);
    if (changed.length === 0) {
      if (meta.profileVersion === current.version) return;
      changed.push("version");
    }
    // Point at the template's first visible sheet (a hidden sheet cannot be selected).
    const target = ctx.model.sheets.find((s) => s.kind === "ledger") ?? ctx.model.sheets.find((s) => s.name !== meta.sheet);
    ctx.report(
      "outdated",
      { sheet: target?.name ?? meta.sheet, row: 0, col: 0 },
      {
        data: {
          profile: meta.profileId,
          from: meta.profileVersion || "?",
          to: current.version,
          changes: changed.map((p) => PART_TEXT[p].ja).join("、"),
          changesEn: changed.map((p) => PART_TEXT[p].en).join(", "),
        },
      },
    );
  },
});
