import { a1 } from "../../grid/grid";
import { nameKey, type LedgerItem } from "../../model/records";
import { defineRule } from "../define";

export const ledgerDuplicateId = defineRule({
  meta: {
    id: "ledger/duplicate-id",
    area: "ledger",
    defaultSeverity: "warning",
    clause: null,
    description: { ja: "2つの台帳行が同じ管理番号を持つ。", en: "Two ledger rows share an id." },
    messages: {
      duplicateId: {
        ja: "管理番号「{{id}}」がセル{{first}}の管理番号と重複しています。リスク分析表との対応が取れなくなります。",
        en: "ID \"{{id}}\" is already used at {{first}}; risk rows cannot be linked unambiguously.",
      },
    },
  },
  check(ctx) {
    const seen = new Map<string, LedgerItem>();
    for (const item of ctx.model.ledgerItems) {
      // Per-department ledgers often number their rows from 1 each: duplicates count within a sheet.
      const id = nameKey(item.id.text);
      if (id === "") continue;
      const key = `${item.sheet.index}\u0000${id}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, item);
        continue;
      }
      const where = a1(first.row + 1, first.id.col + 1);
      ctx.report("duplicateId", { sheet: item.sheet.name, row: item.row, col: item.id.col }, { data: { id: item.id.text, first: where } });
    }
  },
});
