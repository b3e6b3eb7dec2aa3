import { truncate } from "../../model/records";
import { defineRule } from "../define";
import { storageServices } from "../../model/register";

/**
 * A contractor named in the ledger (each name of a cell naming several), or a cloud service
 * named as a storage place (Google Workspace, Microsoft 365, Box, kintone…: glossary/cloud-services.ts),
 * that the contractor register lacks. Silent when the workbook has no contractor register.
 * A name that nearly matches a registered one (株式会社/(株), width, 事務所, a typo) is left to
 * contractor/name-near-miss.
 */
export const contractorNotRegistered = defineRule({
  meta: {
    id: "contractor/not-registered",
    area: "contractor",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.9.4 / 個人情報保護法 第25条", unconfirmed: ["J.9.4"] },
    description: {
      ja: "台帳の委託先(または保管場所に書かれたクラウドサービス)が委託先管理台帳にない。",
      en: "A ledger contractor (or a cloud service named as storage place) that the contractor register lacks.",
    },
    messages: {
      contractor: {
        ja: "「{{item}}」の委託先「{{name}}」が委託先管理台帳にありません。委託先として評価し、契約(覚書)を締結して台帳に登録してください。",
        en: "\"{{item}}\": contractor \"{{name}}\" is not in the contractor register; evaluate it, sign an agreement and register it.",
      },
      cloud: {
        ja: "「{{item}}」の保管場所のクラウドサービス「{{name}}」が委託先管理台帳にありません。クラウドサービスも委託先として評価・登録が必要です。",
        en: "\"{{item}}\" is stored in the cloud service \"{{name}}\", which is not in the contractor register; cloud services are contractors to evaluate and register too.",
      },
    },
  },
  check(ctx) {
    if (ctx.model.ofKind("contractor").length === 0) return;
    const register = ctx.model.contractors;
    for (const p of register.ledgerParties) {
      if (register.find(p.name) !== null) continue;
      ctx.report("contractor", { sheet: p.item.sheet.name, row: p.item.row, col: p.cell.col }, { data: { item: p.item.label, name: truncate(p.name) } });
    }
    for (const item of ctx.model.ledgerItems) {
      const { cell, services } = storageServices(item);
      for (const s of services) {
        if (register.naming(s)) continue;
        ctx.report("cloud", { sheet: item.sheet.name, row: item.row, col: cell.col }, { data: { item: item.label, name: s.name } });
      }
    }
  },
});
