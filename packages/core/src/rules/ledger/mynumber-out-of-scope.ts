import { MY_NUMBER_PURPOSE_WORDS } from "../../glossary/sensitive";
import { EVERYONE_WORDS } from "../../glossary/vocabulary";
import { scanText } from "../../read/annual";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";
import { holdsMyNumber } from "./keywords";

/**
 * My Number held outside its legal scope. 番号法 第9条 allows My Number only for tax, social
 * security and disaster response (源泉徴収票・法定調書, 社会保険・雇用保険の手続…), and 第19条 allows
 * providing it only in those cases: a purpose cell that names none of them is reported. The act
 * (第12条) and the PPC's guideline (特定個人情報の適正な取扱いに関するガイドライン(事業者編), 安全管理措置)
 * ask that the staff handling it be designated: access for everyone (「全社員」「制限なし」) is
 * reported too. Items hold My Number when flagged so, or named so (rules/ledger/keywords.ts).
 */
export const ledgerMynumberOutOfScope = defineRule({
  meta: {
    id: "ledger/mynumber-out-of-scope",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "番号法 第9条・第12条・第19条 / 特定個人情報の適正な取扱いに関するガイドライン(事業者編)" },
    description: {
      ja: "特定個人情報(マイナンバー)の利用目的に税・社会保障・災害対策の事務がない、またはアクセスできる者が全社員など限定されていない。",
      en: "My Number is held for a purpose outside tax, social security and disaster response, or can be accessed by everyone.",
    },
    messages: {
      outOfScope: {
        ja: "「{{item}}」は特定個人情報(マイナンバー)を含みますが、利用目的に税・社会保障・災害対策の事務(源泉徴収票の作成、社会保険の手続など)が書かれていません。個人番号は番号法で定められた事務以外には利用・提供できません(番号法 第9条・第19条)。利用目的を確認してください。",
        en: "\"{{item}}\" holds My Number data, but its purpose names no tax, social-security or disaster-response task (withholding slips, social-insurance procedures...); My Numbers may be used and provided for those tasks only (My Number Act Art. 9, 19). Check the purpose.",
      },
      everyone: {
        ja: "「{{item}}」は特定個人情報(マイナンバー)を含みますが、アクセスできる者が限定されていません。個人番号を取り扱う事務取扱担当者を明確にし、アクセスできる者をその担当者に限ってください(番号法 第12条、特定個人情報の適正な取扱いに関するガイドライン(事業者編))。",
        en: "\"{{item}}\" holds My Number data but anyone may access it; designate the staff who handle My Numbers and restrict access to them (My Number Act Art. 12, PPC guidelines on specific personal information).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      if (!holdsMyNumber(item)) continue;
      const purpose = ledgerCell(item, "purpose");
      const purposeText = scanText(purpose.text);
      // A blank purpose is ledger/required-empty's.
      if (purposeText.trim() !== "" && !MY_NUMBER_PURPOSE_WORDS.test(purposeText)) {
        ctx.report("outOfScope", { sheet: item.sheet.name, row: item.row, col: purpose.col }, { data: { item: item.label } });
      }
      const access = ledgerCell(item, "accessScope");
      if (EVERYONE_WORDS.test(scanText(access.text))) ctx.report("everyone", { sheet: item.sheet.name, row: item.row, col: access.col }, { data: { item: item.label } });
    }
  },
});
