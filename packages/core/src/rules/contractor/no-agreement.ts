import { flagOf, truncate } from "../../model/records";
import { defineRule } from "../define";
import { CONTRACTOR } from "../fields";

/**
 * A registered contractor with no contract or memorandum (覚書) on record: the agreement cell is
 * blank, no (未, ×, なし) or undecided (確認中). 「済（利用規約で代替）」 — terms of service checked
 * against the required items — counts as an agreement. Silent when the register has no
 * agreement column.
 */
export const contractorNoAgreement = defineRule({
  meta: {
    id: "contractor/no-agreement",
    area: "contractor",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.9.4 / 個人情報保護法 第25条", unconfirmed: ["J.9.4"] },
    description: {
      ja: "委託先との契約・覚書(安全管理に関する契約)が記録されていない。",
      en: "A contractor without a contract or memorandum (覚書) on record.",
    },
    messages: {
      noAgreement: {
        ja: "委託先「{{name}}」との契約(覚書)の締結が記録されていません。個人情報の安全管理に関する事項を定めた契約を締結してください。",
        en: "No contract or memorandum with contractor \"{{name}}\" is on record; sign an agreement covering the protection of the personal information entrusted.",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.contractors.entries) {
      const cell = CONTRACTOR.cell(entry.sheet, entry.row, "agreement");
      if (cell.col < 0 || flagOf(cell) === true) continue;
      ctx.report("noAgreement", { sheet: entry.sheet.name, row: entry.row, col: cell.col }, { data: { name: truncate(entry.name) } });
    }
  },
});
