import { truncate } from "../../model/records";
import { defineRule } from "../define";
import { consentRecorded, legalBasisRecorded } from "./consent";
import { recipientsOf } from "./recipients";

/**
 * Third-party recipients need the person's consent; those the law makes the company provide to
 * and service providers doing work for it (entrustment) do not (recipients.ts).
 */
export const ledgerProvisionWithoutConsent = defineRule({
  meta: {
    id: "ledger/provision-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.8.8 / 個人情報保護法 第27条" },
    description: {
      ja: "第三者提供先が記録されているのに、本人の同意も、同意を要しない根拠(法令に基づく提供など)も記録されていない。税務署・市区町村・年金事務所など法令に基づく提供先と、配送・印刷など委託と見られる提供先は対象外。",
      en: "A third-party recipient is recorded and neither consent nor a basis that needs none (provision required by law...) is. Recipients the law requires (tax office, municipality, pension office...) and service providers that look like entrustment (delivery, printing...) are left out.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は「{{party}}」へ第三者提供していますが、本人の同意が記録されていません。第三者提供には、法令に基づく場合などを除き、あらかじめ本人の同意が必要です(個人情報保護法 第27条第1項、構築・運用指針 J.8.8)。法令に基づく提供であればその根拠を、委託であれば委託先として記録してください。",
        en: "\"{{item}}\" is provided to \"{{party}}\", a third party, but no consent is recorded. Provision to a third party needs the person's prior consent unless the law requires or allows it (APPI Art. 27(1), guideline J.8.8); record the legal basis if there is one, or record the recipient as a contractor if it is an entrustment.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const parties = recipientsOf(item).thirdParties;
      if (parties.length === 0) continue;
      const consent = consentRecorded(item);
      if (consent.recorded || legalBasisRecorded(item)) continue;
      ctx.report(
        "noConsent",
        { sheet: item.sheet.name, row: item.row, col: consent.col >= 0 ? consent.col : item.recipient.col },
        { data: { item: item.label, party: truncate(parties[0] ?? "", 30) } },
      );
    }
  },
});
