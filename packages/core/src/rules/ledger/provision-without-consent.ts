import { NOT_PROVISION_WORDS, SERVICE_PROVIDER_WORDS, STATUTORY_RECIPIENT_WORDS } from "../../glossary/parties";
import { LEGAL_BASIS_WORDS } from "../../glossary/vocabulary";
import { scanText } from "../../read/annual";
import { partyPresence, splitParties, truncate, type LedgerItem } from "../../model/records";
import { defineRule } from "../define";
import { consentRecorded, legalBasisRecorded } from "./consent";

/**
 * The recipients of a ledger item that need the person's consent: third parties other than
 * those the law makes the company provide to (税務署, 市区町村, 年金事務所…: APPI 第27条第1項第1号)
 * and other than service providers doing work for the company (宅配業者, 印刷会社…: entrustment,
 * 第27条第5項第1号, which is not provision; so is a joint use). A recipient cell that gives a legal basis itself
 * (「市区町村(法令に基づく提供)」) names no recipient that needs consent.
 */
export function recipientsNeedingConsent(item: LedgerItem): string[] {
  if (partyPresence(item.recipient) !== "present") return [];
  const text = scanText(item.recipient.text);
  const parties = splitParties(text);
  return (parties.length > 0 ? parties : [text]).filter(
    (p) => !STATUTORY_RECIPIENT_WORDS.test(p) && !SERVICE_PROVIDER_WORDS.test(p) && !NOT_PROVISION_WORDS.test(p) && !LEGAL_BASIS_WORDS.test(p),
  );
}

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
      const parties = recipientsNeedingConsent(item);
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
