import { atOrAbove, hasMeasure } from "../../model/assess";
import { LEVEL_IDS, levelText } from "../../scoring/levels";
import { defineRule } from "../define";

const TOP_LEVEL = LEVEL_IDS[0];

export const riskHighWithoutMeasure = defineRule({
  meta: {
    id: "risk/high-without-measure",
    area: "risk",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.4" },
    description: {
      ja: "プロファイルの対策必須レベル以上のリスクに対策が書かれていない。",
      en: "A risk at or above the profile's action level has no measure.",
    },
    messages: {
      noMeasure: {
        ja: "リスクレベル「{{level}}」のリスクに対策がありません。リスク対応として対策を決めて記入してください(構築・運用指針 J.3.1.4)。",
        en: "This {{levelEn}} risk has no measure: decide its treatment and write the measure (guideline J.3.1.4).",
      },
      noMeasureAtOrAbove: {
        ja: "リスクレベル「{{level}}」のリスクに対策がありません。「{{action}}」以上のリスクには、リスク対応として対策を決めて記入してください(構築・運用指針 J.3.1.4)。",
        en: "This {{levelEn}} risk has no measure: risks at {{actionEn}} or above need a planned measure (guideline J.3.1.4).",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.riskEntries) {
      // Without a measure column header/missing-column speaks once for the sheet.
      if (entry.measure.col < 0 || hasMeasure(entry)) continue;
      const a = entry.assessment;
      if (!a || !a.level || !atOrAbove(a.level, a.model.actionLevel)) continue;
      const l = levelText(a.level);
      const at = { sheet: entry.sheet.name, row: entry.row, col: entry.measure.col };
      // 「高以上」 says nothing when 高 is the top level: name the level alone.
      if (a.model.actionLevel === TOP_LEVEL) ctx.report("noMeasure", at, { data: { level: l.ja, levelEn: l.en } });
      else {
        const act = levelText(a.model.actionLevel);
        ctx.report("noMeasureAtOrAbove", at, { data: { level: l.ja, levelEn: l.en, action: act.ja, actionEn: act.en } });
      }
    }
  },
});
