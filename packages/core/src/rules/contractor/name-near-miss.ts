import { truncate } from "../../model/records";
import { defineRule } from "../define";

/**
 * A ledger contractor that is not written as in the register but nearly is: 株式会社 / (株) / ㈱,
 * full- and half-width characters, spaces, a trailing 事務所 or profession word, or a one- or
 * two-character typo (./register.ts). Info, with the registered name as a "did you mean".
 */
export const contractorNameNearMiss = defineRule({
  meta: {
    id: "contractor/name-near-miss",
    area: "contractor",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.9.4", unconfirmed: ["J.9.4"] },
    description: {
      ja: "台帳の委託先名が委託先管理台帳の名称とわずかに違う(株式会社/(株)、全角/半角、事務所など)。",
      en: "A ledger contractor that nearly matches a registered name (株式会社/(株), width, 事務所): did you mean the registered one?",
    },
    messages: {
      nearMiss: {
        ja: "「{{item}}」の委託先「{{name}}」は委託先管理台帳の「{{registered}}」のことですか。台帳間で名称を揃えてください。",
        en: "\"{{item}}\": did you mean \"{{registered}}\" (contractor register) for \"{{name}}\"? Write the name the same way in both.",
      },
    },
  },
  check(ctx) {
    if (ctx.model.ofKind("contractor").length === 0) return;
    const register = ctx.model.contractors;
    for (const p of register.ledgerParties) {
      const m = register.find(p.name);
      if (m?.kind !== "near") continue;
      ctx.report("nearMiss", { sheet: p.item.sheet.name, row: p.item.row, col: p.cell.col }, { data: { item: p.item.label, name: truncate(p.name), registered: truncate(m.entry.name) } });
    }
  },
});
