import { defineRule } from "../define";
import { lawNames, namesAppi } from "./names";
import { LAW } from "../fields";

/**
 * The laws and norms list (法令等一覧) lacks 個人情報保護法 itself (個人情報の保護に関する法律; its
 * 施行令, 施行規則 and guidelines do not stand for it). Silent without a laws list.
 */
export const lawsMissingCore = defineRule({
  meta: {
    id: "laws/missing-core",
    area: "laws",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.2", unconfirmed: ["J.3.1.2"] },
    description: {
      ja: "法令等一覧に個人情報保護法(個人情報の保護に関する法律)がない。",
      en: "The laws list lacks 個人情報保護法 (the Act on the Protection of Personal Information).",
    },
    messages: {
      missing: {
        ja: "法令等一覧に個人情報保護法(個人情報の保護に関する法律)がありません。PMSの前提となる法令として特定してください。",
        en: "The laws list does not include the Act on the Protection of Personal Information (個人情報保護法); identify it as the law the PMS rests on.",
      },
    },
  },
  check(ctx) {
    const sheets = ctx.model.ofKind("law");
    const first = sheets[0];
    if (!first) return;
    if (lawNames(ctx.model).some(namesAppi)) return;
    ctx.report("missing", LAW.header(first, "name"));
  },
});
