import { holdsMyNumber } from "../ledger/keywords";
import { defineRule } from "../define";
import { lawNames, namesMyNumberAct, namesMyNumberGuideline } from "./names";
import { LAW } from "../fields";

/**
 * The ledger holds 特定個人情報 (an item flagged My Number, or naming マイナンバー / 個人番号) but
 * the laws list lacks 番号法 or 特定個人情報ガイドライン(事業者編). One finding naming what is
 * missing, on the laws list's header. Silent without a ledger or a laws list.
 */
export const lawsMissingMynumber = defineRule({
  meta: {
    id: "laws/missing-mynumber",
    area: "laws",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.2 / 番号法", unconfirmed: ["J.3.1.2"] },
    description: {
      ja: "台帳に特定個人情報(マイナンバー)があるのに、法令等一覧に番号法またはそのガイドラインがない。",
      en: "The ledger holds 特定個人情報 (My Number) but the laws list lacks the My Number Act or its guideline.",
    },
    messages: {
      missing: {
        ja: "台帳の「{{item}}」は特定個人情報を含みますが、法令等一覧に{{what}}がありません。",
        en: "Ledger item \"{{item}}\" holds My Number data but the laws list lacks {{whatEn}}.",
      },
    },
  },
  check(ctx) {
    const first = ctx.model.ofKind("law")[0];
    if (!first) return;
    const item = ctx.model.ledgerItems.find(holdsMyNumber);
    if (!item) return;
    const names = lawNames(ctx.model);
    const act = names.some(namesMyNumberAct);
    const guideline = names.some(namesMyNumberGuideline);
    if (act && guideline) return;
    const what = !act && !guideline ? "both" : !act ? "act" : "guideline";
    const text = {
      both: { ja: "番号法と特定個人情報ガイドライン(事業者編)", en: "the My Number Act (番号法) and the guidelines on specific personal information (特定個人情報ガイドライン)" },
      act: { ja: "番号法(行政手続における特定の個人を識別するための番号の利用等に関する法律)", en: "the My Number Act (番号法)" },
      guideline: { ja: "特定個人情報の適正な取扱いに関するガイドライン(事業者編)", en: "the guidelines on specific personal information (特定個人情報ガイドライン, business edition)" },
    }[what];
    ctx.report("missing", LAW.header(first, "name"), { data: { item: item.label, what: text.ja, whatEn: text.en } });
  },
});
