import type { RiskField } from "../../glossary/fields";
import { readLevel, readScale } from "../../read/level";
import type { RiskEntry } from "../../model/records";
import { type ScoreAssessment } from "../../model/assess";
import { levelText } from "../../scoring/levels";
import type { RiskModel } from "../../scoring/model";
import { bandsText, formulaText, ruleText, sourceOfRule } from "../../model/describe";
import type { RecognisedSheet } from "../../recognise/sheet";
import { buildRiskModel } from "../../scoring/model";
import { defineRule, type RuleContext } from "../define";
import { riskCell } from "../fields";

type Ids = "score" | "level" | "residualScore" | "residualLevel" | "assetValue" | "typedOver" | "sheetRule";

const SAME = 1e-9;

const CIA: readonly RiskField[] = ["confidentiality", "integrity", "availability"];

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
      const formula = formulaText(model);
      // A value typed where the sheet computes the score: its own formula is the rule broken.
      const id = sa.scoreTypedOver ? "typedOver" : ids.score;
      ctx.report(id, cellAt(entry, sa.storedScore.cell.col), { data: { stored: storedScore, expected: score, rule: formula.ja, ruleEn: formula.en } });
      return;
    }
    if (storedLevel && storedLevel !== level) {
      const s = levelText(storedLevel);
      const x = levelText(level);
      ctx.report(ids.level, cellAt(entry, sa.storedLevel.cell.col), { data: { stored: s.ja, storedEn: s.en, expected: x.ja, expectedEn: x.en, score, ...bandsData(ctx, entry) } });
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
    ctx.report(ids.level, cellAt(entry, sa.storedLevel.cell.col), { data: { stored: s.ja, storedEn: s.en, expected: x.ja, expectedEn: x.en, score: storedScore, ...bandsData(ctx, entry) } });
  }
}

const INHERENT_IDS = { score: "score", level: "level" } as const;
const RESIDUAL_IDS = { score: "residualScore", level: "residualLevel" } as const;

export const riskScoreMismatch = defineRule({
  meta: {
    id: "risk/score-mismatch",
    area: "risk",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "記入されたリスク値・リスクレベル(値または数式の結果)が、プロファイルのリスク評価基準で求めた値と異なる。",
      en: "A stored risk score or level (value or formula result) differs from what the profile's risk model gives.",
    },
    messages: {
      score: {
        ja: "リスク値{{stored}}は、評価基準({{rule}})で求めた{{expected}}と一致しません。一貫した基準でリスクを評価してください(構築・運用指針 J.3.1.3)。",
        en: "Risk score {{stored}} does not match {{expected}} from the scoring rule ({{ruleEn}}); assess risks by consistent criteria (guideline J.3.1.3).",
      },
      level: {
        ja: "リスクレベルが「{{stored}}」になっていますが、評価基準({{bands}})ではリスク値{{score}}は「{{expected}}」です(構築・運用指針 J.3.1.3)。",
        en: "Risk level \"{{storedEn}}\" should be \"{{expectedEn}}\" for score {{score}} under the scoring rule ({{bandsEn}}) (guideline J.3.1.3).",
      },
      residualScore: {
        ja: "残存(残留)リスク値{{stored}}は、対策後の評点から評価基準({{rule}})で求めた{{expected}}と一致しません(構築・運用指針 J.3.1.4)。",
        en: "Residual score {{stored}} does not match {{expected}} from the post-measure ratings ({{ruleEn}}) (guideline J.3.1.4).",
      },
      residualLevel: {
        ja: "残存(残留)リスクが「{{stored}}」になっていますが、評価基準({{bands}})では残存リスク値{{score}}は「{{expected}}」です(構築・運用指針 J.3.1.4)。",
        en: "Residual risk \"{{storedEn}}\" should be \"{{expectedEn}}\" for residual score {{score}} under the scoring rule ({{bandsEn}}) (guideline J.3.1.4).",
      },
      typedOver: {
        ja: "数式で求める列に値{{stored}}が直接入力されています。シートの数式({{rule}})で求めると{{expected}}です(構築・運用指針 J.3.1.3)。",
        en: "The value {{stored}} was typed over the sheet's formula; the formula ({{ruleEn}}) gives {{expected}} (guideline J.3.1.3).",
      },
      sheetRule: {
        severity: "warning",
        ja: "このシートのリスク評価基準({{sheetRule}})が、プロファイルの基準({{profileRule}})と異なります。各行はシートの基準で確認しました。基準をそろえるか、プロファイルを見直してください(構築・運用指針 J.3.1.3)。",
        en: "This sheet's risk criteria ({{sheetRuleEn}}) differ from the profile's ({{profileRuleEn}}); its rows were checked against the sheet's own criteria. Align the criteria or revise the profile (guideline J.3.1.3).",
      },
      assetValue: {
        ja: "資産価値{{stored}}は、機密性・完全性・可用性の最大値{{expected}}と一致しません(構築・運用指針 J.3.1.3)。",
        en: "Asset value {{stored}} does not match {{expected}}, the highest of confidentiality, integrity and availability (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.model.ofKind("risk")) reportDeparture(ctx, sheet);
    // A sheet that lacks the model's input columns is not scored by that model at all:
    // risk/incomplete-scoring says so once, and stored levels are not judged by foreign thresholds.
    const unscorable = new Set(
      ctx.model.ofKind("risk").filter((sheet) => {
        const model = ctx.model.scoringOf(sheet)?.model;
        return model !== undefined && model.inputs.some((i) => !sheet.byField.has(i));
      }),
    );
    for (const entry of ctx.model.riskEntries) {
      if (unscorable.has(entry.sheet)) continue;
      const a = entry.assessment;
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
        const cell = riskCell(entry, "residualLevel");
        const stored = cell.col >= 0 ? readLevelOf(cell.value) : null;
        if (stored && stored !== r.level) {
          const s = levelText(stored);
          const x = levelText(r.level);
          ctx.report("residualLevel", { sheet: entry.sheet.name, row: entry.row, col: cell.col }, { data: { stored: s.ja, storedEn: s.en, expected: x.ja, expectedEn: x.en, score: r.score, ...bandsData(ctx, entry) } });
        }
      }
    }
  },
});

/** The sheet's bands and where they came from: 「8以上が中、15以上が高(H5の数式)」. */
function bandsData(ctx: RuleContext<Ids>, entry: RiskEntry): { bands: string; bandsEn: string } {
  const own = ctx.model.scoringOf(entry.sheet);
  const b = own ? bandsText(own.model) : null;
  if (!own || !b) return { bands: "", bandsEn: "" };
  const from = sourceOfRule(own);
  return { bands: `${from.ja}: ${b.ja}`, bandsEn: `${from.en}: ${b.en}` };
}

/** Once per sheet: its consistent own rule departs from the bands or operation the profile states. */
function reportDeparture(ctx: RuleContext<Ids>, sheet: RecognisedSheet): void {
  const own = ctx.model.scoringOf(sheet);
  if (!own?.departs || !ctx.profile.riskModel) return;
  const stated = buildRiskModel(ctx.profile.riskModel, "profile");
  const mine = ruleText(own);
  const theirs = { ...formulaText(stated) };
  const bands = bandsText(stated);
  const col = (sheet.byField.get("level") ?? sheet.byField.get("score") ?? sheet.columns)[0]?.col ?? 0;
  ctx.report(
    "sheetRule",
    { sheet: sheet.name, row: sheet.headerRow, col },
    {
      data: {
        sheetRule: mine.ja,
        sheetRuleEn: mine.en,
        profileRule: bands ? `${theirs.ja}、${bands.ja}` : theirs.ja,
        profileRuleEn: bands ? `${theirs.en}; ${bands.en}` : theirs.en,
      },
    },
  );
}

function readLevelOf(v: Parameters<typeof readLevel>[0]) {
  const r = readLevel(v);
  return r && r.ok ? r.value : null;
}

/** ISMS sheets that keep 資産価値 beside 機密性・完全性・可用性: it must be their maximum. */
function checkAssetValue(ctx: RuleContext<Ids>, entry: RiskEntry, model: RiskModel): void {
  if (model.def.kind !== "assetThreatVulnerability" || !model.inputs.includes("assetValue")) return;
  const cell = riskCell(entry, "assetValue");
  const parts = CIA.map((f) => riskCell(entry, f));
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
