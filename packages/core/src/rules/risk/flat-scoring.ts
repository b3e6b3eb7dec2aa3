import { LEVEL_IDS, levelText, type LevelId } from "../../scoring/levels";
import type { RiskEntry } from "../../model/records";
import { defineRule } from "../define";

/** Fewer scored rows than this say nothing about a sheet's spread. */
const MIN_ROWS = 10;
const SHARE = 0.9;

export const riskFlatScoring = defineRule({
  meta: {
    id: "risk/flat-scoring",
    area: "risk",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "評価したリスクのほとんど(90%以上)が同じレベルになっている。",
      en: "Nearly every scored risk (90% or more) has the same level.",
    },
    messages: {
      flat: {
        ja: "評価した{{rows}}件のうち{{count}}件({{percent}}%)がリスクレベル「{{level}}」です。リスクごとに発生可能性と影響度を見積もり、優先順位が付くように評価してください(構築・運用指針 J.3.1.3)。",
        en: "{{count}} of {{rows}} scored risks ({{percent}}%) are {{levelEn}}: rate each risk's likelihood and impact so that the levels set priorities (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    // Entries by sheet, in model order (a workbook may hold one risk sheet per item).
    const entriesOf = new Map<(typeof ctx.model.sheets)[number], RiskEntry[]>();
    for (const entry of ctx.model.riskEntries) {
      const list = entriesOf.get(entry.sheet);
      if (list) list.push(entry);
      else entriesOf.set(entry.sheet, [entry]);
    }
    for (const sheet of ctx.model.ofKind("risk")) {
      const counts: Record<LevelId, number> = { high: 0, medium: 0, low: 0 };
      let rows = 0;
      let col = -1;
      for (const entry of entriesOf.get(sheet) ?? []) {
        const a = entry.assessment;
        if (!a || !a.level) continue;
        counts[a.level]++;
        rows++;
        if (col < 0) {
          const cell = a.inherent.storedLevel.cell.col >= 0 ? a.inherent.storedLevel.cell : a.inherent.storedScore.cell.col >= 0 ? a.inherent.storedScore.cell : Object.values(a.inherent.cells)[0];
          col = cell?.col ?? -1;
        }
      }
      if (rows < MIN_ROWS) continue;
      const top = LEVEL_IDS.reduce((m, l) => (counts[l] > counts[m] ? l : m));
      if (counts[top] / rows < SHARE) continue;
      const l = levelText(top);
      ctx.report(
        "flat",
        { sheet: sheet.name, row: sheet.headerRow, col: Math.max(0, col) },
        { data: { rows, count: counts[top], percent: Math.round((counts[top] / rows) * 100), level: l.ja, levelEn: l.en } },
      );
    }
  },
});
