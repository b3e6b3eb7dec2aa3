import { OBSOLETE_NORMS } from "../../glossary/laws";
import { defineRule } from "../define";
import { LAW } from "../fields";
import { lawNames } from "./names";

/**
 * The laws list names a norm that was withdrawn or replaced: a ministry's APPI guideline (they
 * ended on 2017-05-30, replaced by the Personal Information Protection Commission's) or JIS Q
 * 15001:2006. The list is to be kept current (glossary/laws.ts OBSOLETE_NORMS lists them).
 */
export const lawsObsolete = defineRule({
  meta: {
    id: "laws/obsolete",
    area: "laws",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.2", unconfirmed: ["J.3.1.2"] },
    description: {
      ja: "法令等一覧に、廃止された、または改訂で置き換えられた規範(経済産業分野ガイドライン、JIS Q 15001:2006など)がある。",
      en: "The laws list names a norm that was withdrawn or replaced (the METI sector guideline, JIS Q 15001:2006...).",
    },
    messages: {
      obsolete: {
        ja: "法令等一覧の{{name}}は、廃止または改訂により置き換えられています。{{replacement}}に改め、法令等一覧を最新の状態にしてください。",
        en: "{{nameEn}} in the laws list was withdrawn or replaced; list {{replacementEn}} instead and keep the list current.",
      },
    },
  },
  check(ctx) {
    for (const law of lawNames(ctx.model)) {
      const norm = OBSOLETE_NORMS.find((n) => n.pattern.test(law.ja));
      if (!norm) continue;
      const col = LAW.cell(law.sheet, law.row, "name").col;
      ctx.report("obsolete", { sheet: law.sheet.name, row: law.row, col }, { data: { name: `「${norm.name.ja}」`, nameEn: norm.name.en, replacement: norm.replacement.ja, replacementEn: norm.replacement.en } });
    }
  },
});
