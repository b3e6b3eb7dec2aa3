import { fieldLabel } from "../../glossary/fields";
import { readLevel, readScale } from "../../read/level";
import type { RiskEntry } from "../../read/records";
import { assessEntry, inputCell, type ScoreAssessment } from "../../scoring/assess";
import { levelText } from "../../scoring/levels";
import type { RiskModel } from "../../scoring/model";
import { modelForSheet } from "../../scoring/infer";
import { defineRule, type RuleContext } from "../define";

type Ids = "score" | "level" | "residualScore" | "residualLevel" | "assetValue";

/** How the model forms its score, for messages. */
export function modelFormula(model: RiskModel): { ja: string; en: string } {
  const label = (f: string) => fieldLabel("risk", f);
  const join = (fields: readonly string[]) => ({ ja: fields.map((f) => label(f).ja).join(" × "), en: fields.map((f) => label(f).en.toLowerCase()).join(" × ") });
  switch (model.def.kind) {
    case "likelihoodImpact":
      return join(model.inputs);
    case "matrix":
      return { ja: `${join(model.inputs).ja} のマトリクス`, en: `the ${join(model.inputs).en} matrix` };
    case "assetThreatVulnerability":
      return model.def.asset === "maxCia"
        ? { ja: "max(機密性, 完全性, 可用性) × 脅威 × 脆弱性", en: "max(confidentiality, integrity, availability) × threat × vulnerability" }
        : join(model.inputs);
    case "qualitative":
      return { ja: "定性評価", en: "qualitative rating" };
  }
}

const SAME = 1e-9;

/** Where a finding about an entry's cell points (made for a finding, not for every row). */
const cellAt = (entry: RiskEntry, col: number) => ({ sheet: entry.sheet.name, row: entry.row, col });

function compare(
  ctx: RuleContext<Ids>,
  entry: RiskEntry,
  model: RiskModel,
  sa: ScoreAssessment,
  ids: { score: Ids; level: Ids },
): void {
  const storedScore = sa.storedScoreValue;
  const storedLevel = sa.storedLevelValue;
  if (sa.result.ok) {
    const { score, level } = sa.result;
    if (!model.scoreIsRank && typeof storedScore === "number" && Math.abs(storedScore - score) > SAME) {
      const formula = modelFormula(model);
      ctx.report(ids.score, cellAt(entry, sa.storedScore.cell.col), { data: { stored: storedScore, expected: score, rule: formula.ja, ruleEn: formula.en } });
      return;
    }
    if (storedLevel && storedLevel !== level) {
      const s = levelText(storedLevel);
      const x = levelText(level);
      ctx.report(ids.level, cellAt(entry, sa.storedLevel.cell.col), { data: { stored: s.ja, storedEn: s.en, expected: x.ja, expectedEn: x.en, score } });
    }
    return;
  }
  // Inputs incomplete (risk/incomplete-scoring speaks), but a stored level must still agree
  // with the stored score beside it.
  if (!model.scoreIsRank && typeof storedScore === "number" && storedLevel) {
    const level = model.level(storedScore);
    if (level === storedLevel) return;
    const s = levelText(storedLevel);
    const x = levelText(level);
    ctx.report(ids.level, cellAt(entry, sa.storedLevel.cell.col), { data: { stored: s.ja, storedEn: s.en, expected: x.ja, expectedEn: x.en, score: storedScore } });
  }
}

const INHERENT_IDS = { score: "score", level: "level" } as const;
const RESIDUAL_IDS = { score: "residualScore", level: "residualLevel" } as const;

export const riskScoreMismatch = defineRule<Ids>({
  meta: {
    id: "risk/score-mismatch",
    area: "risk",
    defaultSeverity: "error",
    clause: "構築・運用指針 J.3.1.3",
    description: {
      ja: "記入されたリスク値・リスクレベル(値または数式の結果)が、プロファイルのリスク評価基準で求めた値と異なる。",
      en: "A stored risk score or level (value or formula result) differs from what the profile's risk model gives.",
    },
    messages: {
      score: {
        ja: "リスク値 {{stored}} は評価基準({{rule}})で求めた {{expected}} と一致しません(構築・運用指針 J.3.1.3: 一貫した基準でリスクを評価する)。",
        en: "Risk score {{stored}} does not match {{expected}} from the scoring rule ({{ruleEn}}) (guideline J.3.1.3: assess risks by consistent criteria).",
      },
      level: {
        ja: "リスクレベル「{{stored}}」は評価基準ではリスク値 {{score}} の「{{expected}}」です(構築・運用指針 J.3.1.3)。",
        en: "Risk level \"{{storedEn}}\" should be \"{{expectedEn}}\" for score {{score}} under the scoring rule (guideline J.3.1.3).",
      },
      residualScore: {
        ja: "残存リスク値 {{stored}} は対策後の評点から評価基準({{rule}})で求めた {{expected}} と一致しません(構築・運用指針 J.3.1.4)。",
        en: "Residual score {{stored}} does not match {{expected}} from the post-measure ratings ({{ruleEn}}) (guideline J.3.1.4).",
      },
      residualLevel: {
        ja: "残存リスク「{{stored}}」は評価基準では残存リスク値 {{score}} の「{{expected}}」です(構築・運用指針 J.3.1.4)。",
        en: "Residual risk \"{{storedEn}}\" should be \"{{expectedEn}}\" for residual score {{score}} under the scoring rule (guideline J.3.1.4).",
      },
      assetValue: {
        ja: "資産価値 {{stored}} は機密性・完全性・可用性の最大値 {{expected}} と一致しません(構築・運用指針 J.3.1.3)。",
        en: "Asset value {{stored}} does not match {{expected}}, the highest of confidentiality, integrity and availability (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    // A sheet that lacks the model's input columns is not scored by that model at all:
    // risk/incomplete-scoring says so once, and stored levels are not judged by foreign thresholds.
    const unscorable = new Set(
      ctx.model.ofKind("risk").filter((sheet) => {
        const model = modelForSheet(sheet, ctx.profile);
        return model !== null && model.inputs.some((i) => !sheet.byField.has(i));
      }),
    );
    for (const entry of ctx.model.riskEntries) {
      if (unscorable.has(entry.sheet)) continue;
      const a = assessEntry(entry, ctx.profile);
      if (!a) continue;
      const { model } = a;
      checkAssetValue(ctx, entry, model);
      compare(ctx, entry, model, a.inherent, INHERENT_IDS);
      const r = a.residual;
      if (!r) continue;
      if (r.scored && r.scored.absent.length === 0) {
        compare(ctx, entry, model, r.scored, RESIDUAL_IDS);
      } else if (r.via === "score" && r.score !== null && r.level) {
        // Residual score stored without residual ratings: its level must follow the thresholds.
        const cell = inputCell(entry.sheet, entry.row, "residualLevel", entry.group);
        const stored = cell.col >= 0 ? readLevelOf(cell.value) : null;
        if (stored && stored !== r.level) {
          const s = levelText(stored);
          const x = levelText(r.level);
          ctx.report("residualLevel", { sheet: entry.sheet.name, row: entry.row, col: cell.col }, { data: { stored: s.ja, storedEn: s.en, expected: x.ja, expectedEn: x.en, score: r.score } });
        }
      }
    }
  },
});

function readLevelOf(v: Parameters<typeof readLevel>[0]) {
  const r = readLevel(v);
  return r && r.ok ? r.value : null;
}

/** ISMS sheets that keep 資産価値 beside 機密性・完全性・可用性: it must be their maximum. */
function checkAssetValue(ctx: RuleContext<Ids>, entry: RiskEntry, model: RiskModel): void {
  if (model.def.kind !== "assetThreatVulnerability" || !model.inputs.includes("assetValue")) return;
  const cell = inputCell(entry.sheet, entry.row, "assetValue", entry.group);
  const parts = ["confidentiality", "integrity", "availability"].map((f) => inputCell(entry.sheet, entry.row, f, entry.group));
  if (cell.col < 0 || parts.some((p) => p.col < 0)) return;
  const read = (v: Parameters<typeof readScale>[0]) => {
    const r = readScale(v, 0, 1000);
    return r && r.ok ? r.value : null;
  };
  const stored = read(cell.value);
  const values = parts.map((p) => read(p.value));
  if (stored === null || values.some((v) => v === null)) return;
  const expected = (values as number[]).reduce((a, b) => (b > a ? b : a), -Infinity);
  if (stored !== expected) ctx.report("assetValue", { sheet: entry.sheet.name, row: entry.row, col: cell.col }, { data: { stored, expected } });
}
