import { partyPresence } from "../../read/records";
import { defineRule } from "../define";
import { consentRecorded } from "./consent";

export const ledgerProvisionWithoutConsent = defineRule({
  meta: {
    id: "ledger/provision-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.8.8 / 個人情報保護法 第27条" },
    description: {
      ja: "第三者提供先が記録されているのに本人同意が記録されていない。",
      en: "A third-party recipient is recorded and consent is not.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は第三者への提供がありますが、本人の同意が記録されていません。第三者提供には原則として本人の同意が必要です。",
        en: "\"{{item}}\" is provided to a third party but no consent is recorded; provision to third parties needs the person's consent as a rule.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      if (partyPresence(item.recipient) !== "present") continue;
      const consent = consentRecorded(item);
      if (consent.recorded) continue;
      ctx.report("noConsent", { sheet: item.sheet.name, row: item.row, col: consent.col >= 0 ? consent.col : item.recipient.col }, { data: { item: item.label } });
    }
  },
});
