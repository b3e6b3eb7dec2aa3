import { a1 } from "../grid/grid";
import { fieldLabel } from "../glossary/fields";
import type { LocalisedText } from "../i18n/text";
import type { RiskModel } from "../scoring/model";
import type { SheetRiskModel } from "./assess";

/**
 * A sheet's scoring rule in the user's words: how the score is formed, where the level bands lie
 * and where the rule came from. Findings quote it, and `pmark explain` prints it.
 */

const OPERATION_WORDS = {
  product: { ja: " × ", en: " × " },
  sum: { ja: " + ", en: " + " },
} as const;

/** 「発生可能性 × 影響度」, 「max(機密性, 完全性, 可用性) × 脅威 × 脆弱性」, 「定性評価」. */
export function formulaText(model: RiskModel): LocalisedText {
  const label = (f: string) => fieldLabel("risk", f);
  const def = model.def;
  if (def.kind === "qualitative") return { ja: "定性評価", en: "qualitative rating" };
  const names = (fields: readonly string[]) => ({ ja: fields.map((f) => label(f).ja), en: fields.map((f) => label(f).en.toLowerCase()) });
  const asset = def.kind === "assetThreatVulnerability" && def.asset === "maxCia";
  const inputs = asset ? ["threat", "vulnerability"] : model.inputs;
  const n = names(inputs);
  if (asset) {
    n.ja.unshift("max(機密性, 完全性, 可用性)");
    n.en.unshift("max(confidentiality, integrity, availability)");
  }
  if (def.kind === "matrix") return { ja: `${n.ja.join(" × ")} のマトリクス`, en: `the ${n.en.join(" × ")} matrix` };
  const op = def.operation ?? "product";
  if (op === "max") return { ja: `max(${n.ja.join(", ")})`, en: `max(${n.en.join(", ")})` };
  const w = OPERATION_WORDS[op];
  return { ja: n.ja.join(w.ja), en: n.en.join(w.en) };
}

/** 「8以上が中、15以上が高」; null for a model whose levels are words (qualitative, matrix). */
export function bandsText(model: RiskModel): LocalisedText | null {
  if (model.scoreIsRank) return null;
  const { medium, high } = model.thresholds;
  const max = model.scoreRange.max;
  if (medium > max) return { ja: "すべて低", en: "all Low" };
  if (high > max) return { ja: `${medium}以上が中`, en: `Medium from ${medium}` };
  if (medium >= high) return { ja: `${high}以上が高`, en: `High from ${high}` };
  return { ja: `${medium}以上が中、${high}以上が高`, en: `Medium from ${medium}, High from ${high}` };
}

/** Where the rule came from: 「H5の数式」「28行の記入内容から推定」「プロファイル」「列の構成」. */
export function sourceOfRule(sheet: SheetRiskModel): LocalisedText {
  switch (sheet.source) {
    case "formula": {
      const cell = sheet.at ? a1(sheet.at.row + 1, sheet.at.col + 1) : "";
      return { ja: `${cell}の数式`, en: `the formula in ${cell}` };
    }
    case "inferred":
      return { ja: `${sheet.rows ?? 0}行の記入内容から推定`, en: `${sheet.rows ?? 0} consistent rows` };
    case "profile":
      return { ja: "プロファイルの基準", en: "the profile's criteria" };
    case "columns":
      return { ja: "列の構成と値の範囲", en: "the columns and the range of their values" };
  }
}

/**
 * The whole rule: 「発生可能性 × 影響度、8以上が中、15以上が高(H5の数式)」; when the score's formula
 * and the bands came from different places, each says where: 「発生可能性 × 影響度(G5の数式)、
 * 3以上が中、6以上が高(106行の記入内容から推定)」.
 */
export function ruleText(sheet: SheetRiskModel): LocalisedText {
  const f = formulaText(sheet.model);
  const b = bandsText(sheet.model);
  const s = sourceOfRule(sheet);
  const at = sheet.scoreAt ? a1(sheet.scoreAt.row + 1, sheet.scoreAt.col + 1) : null;
  const scoreFrom = at ? { ja: `(${at}の数式)`, en: ` (the formula in ${at})` } : { ja: "", en: "" };
  return {
    ja: `${f.ja}${scoreFrom.ja}${b ? `、${b.ja}` : ""}(${s.ja})`,
    en: `${f.en}${scoreFrom.en}${b ? `; ${b.en}` : ""} (${s.en})`,
  };
}
