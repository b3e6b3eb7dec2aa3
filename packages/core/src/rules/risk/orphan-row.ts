import { defineRule } from "../define";
import { RISK_REFERENCE_FIELDS } from "../../model/records";

export const riskOrphanRow = defineRule({
  meta: {
    id: "risk/orphan-row",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: { ja: "台帳に存在しない個人情報を指すリスク行。", en: "A risk row names no ledger item that exists." },
    messages: {
      orphan: {
        ja: "このリスク行が指す「{{ref}}」は個人情報管理台帳にありません。台帳の名称・番号と一致させてください。",
        en: "This risk row refers to \"{{ref}}\", which is not in the personal-information ledger; make it match the ledger's name or ID.",
      },
      noReference: {
        ja: "このリスク行はどの個人情報(台帳の番号・名称)についてのものか書かれていません。",
        en: "This risk row does not say which ledger item (ID or name) it is about.",
      },
    },
  },
  check(ctx) {
    if (ctx.model.ledgerItems.length === 0) return; // sheet/missing speaks for a workbook without a ledger.
    const { itemsOf, modeOf } = ctx.model.links;
    const reported = new Set<string>();
    for (const entry of ctx.model.riskEntries) {
      const mode = modeOf.get(entry.sheet);
      if (mode === "title") continue;
      if ((itemsOf.get(entry)?.length ?? 0) > 0) continue;
      const ref = RISK_REFERENCE_FIELDS.map((f) => entry.refs[f]).find((r) => r.text !== "");
      if (mode === null && !ref) continue; // The sheet names no item at all: header rules speak.
      // Report once per written reference (filled-down rows share the cell it was written in).
      const at = ref ? { row: ref.row, col: ref.col } : { row: entry.row, col: entry.phaseCell.col >= 0 ? entry.phaseCell.col : entry.risk.col };
      const key = `${entry.sheet.index}:${at.row}:${at.col}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.report(ref ? "orphan" : "noReference", { sheet: entry.sheet.name, row: at.row, col: Math.max(0, at.col) }, ref ? { data: { ref: ref.text.slice(0, 40) } } : {});
    }
  },
});
