import { nfkc } from "../../glossary/normalise";
import { textMemo } from "../../memo";
import { residualOfEntry, hasMeasure } from "../../model/assess";
import { levelText } from "../../scoring/levels";
import { defineRule } from "../define";

/**
 * Risks of improper handling (不正な取得・目的外利用・同意のない提供・法令違反): J.3.1.4 allows
 * none of them to remain as residual risk, since legal compliance requires treating them all.
 */
const IMPROPER = new RegExp(
  [
    "目的外",
    "不正(?:な|に)?(?:取得|入手|収集)",
    "偽り(?:その他)?(?:の)?不正",
    "同意(?:なき|なく|のない|を得ない|を得ず|を取らない|を取らず|無し|なし)",
    "無断(?:で|の)?(?:提供|第三者|利用|取得|収集|再委託|開示)",
    "法令(?:等)?(?:に)?違反",
    "違法",
  ].join("|"),
);

export const isImproperHandling = textMemo("improper", (riskText: string): boolean => IMPROPER.test(nfkc(riskText).replace(/\s+/g, "")));

export const riskComplianceRiskAccepted = defineRule({
  meta: {
    id: "risk/compliance-risk-accepted",
    area: "risk",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.4" },
    description: {
      ja: "不適正な取扱い(目的外利用、不正取得、同意のない提供、法令違反)のリスクに対策がない、または残存(残留)リスクが「低」を超えている。このようなリスクは残留リスクとして残せない。",
      en: "A risk of improper handling (use beyond purpose, improper acquisition, provision without consent, breach of law) has no measure or is left as residual above low: no such residual is allowed.",
    },
    messages: {
      noMeasure: {
        ja: "目的外利用・不正取得・同意のない提供・法令違反などのリスクには、必ず対策が必要です。法令違反となるリスクは残留リスクとして受容できないため、対策を記入してください(構築・運用指針 J.3.1.4)。",
        en: "A risk of improper handling (use beyond purpose, improper acquisition, provision without consent, breach of law) must be treated: such risks cannot be accepted as residual, so write its measure (guideline J.3.1.4).",
      },
      residualMedium: {
        ja: "目的外利用・不正取得・同意のない提供・法令違反などのリスクに対策はありますが、残存(残留)リスクが「中」のままです。法令違反となるリスクは残留リスクとして残せないため、追加の対策で「低」にしてください(構築・運用指針 J.3.1.4)。",
        en: "A risk of improper handling has a measure but is left at residual Medium: risks that would breach the law cannot remain as residual; add measures to bring it down to Low (guideline J.3.1.4).",
        severity: "warning",
      },
      residualLeft: {
        ja: "目的外利用・不正取得・同意のない提供・法令違反などのリスクが、残存(残留)リスク「{{level}}」のままです。法令違反となるリスクは残留リスクとして残せません。対策を追加して「低」にしてください(構築・運用指針 J.3.1.4)。",
        en: "A risk of improper handling is left at residual {{levelEn}}: risks that would breach the law cannot remain as residual; add measures to bring it down to Low (guideline J.3.1.4).",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.riskEntries) {
      if (entry.risk.col < 0 || !isImproperHandling(entry.risk.text)) continue;
      const at = (col: number) => ({ sheet: entry.sheet.name, row: entry.row, col });
      // A sheet with no measure column at all gets header/missing-column's one warning instead.
      if (!hasMeasure(entry)) {
        if (entry.measure.col >= 0) ctx.report("noMeasure", at(entry.measure.col));
        continue;
      }
      const r = residualOfEntry(entry);
      if (!r || !r.level || r.level === "low") continue;
      // A measure in place that leaves 中 is treatment not yet finished (a warning); 高 is not treated at all.
      if (r.level === "medium") {
        ctx.report("residualMedium", at(r.cell.col));
        continue;
      }
      const l = levelText(r.level);
      ctx.report("residualLeft", at(r.cell.col), { data: { level: l.ja, levelEn: l.en } });
    }
  },
});
