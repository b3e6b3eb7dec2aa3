import { truncate } from "../../model/records";
import { scanText } from "../../read/annual";
import { defineRule } from "../define";
import { cloudServicesIn } from "../../glossary/cloud-services";
import { contractorKey, storageServices, type RegisteredContractor } from "../../model/register";
import { LEDGER } from "../fields";

/**
 * A registered contractor that no ledger item uses, neither as a contractor (as written or
 * nearly) nor as the cloud service a storage place names. Info: a register that has outlived
 * its entrustments, or a ledger that forgot one. Silent unless a ledger has a contractor column.
 */
export const contractorUnused = defineRule({
  meta: {
    id: "contractor/unused",
    area: "contractor",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.9.4", unconfirmed: ["J.9.4"] },
    description: {
      ja: "委託先管理台帳にある委託先を、どの台帳項目も使っていない。",
      en: "A registered contractor that no ledger item uses.",
    },
    messages: {
      unused: {
        ja: "委託先「{{name}}」はどの台帳項目の委託先・保管場所にも出てきません。委託が終了していれば委託先管理台帳を更新し、続いていれば台帳に委託先を記載してください。",
        en: "Contractor \"{{name}}\" appears in no ledger item (as contractor or storage place); update the register if the entrustment ended, or name it in the ledger if it continues.",
      },
    },
  },
  check(ctx) {
    const ledgers = ctx.model.ofKind("ledger");
    if (!ledgers.some((s) => LEDGER.has(s, "contractor"))) return;
    const register = ctx.model.contractors.entries;
    const used = new Set<RegisteredContractor>();
    const parties = ctx.model.contractors.ledgerParties;
    for (const p of parties) {
      const m = ctx.model.contractors.find(p.name);
      if (m) used.add(m.entry);
    }
    // Cloud services, whether named as contractor or as storage place, use every row naming them.
    // Each distinct service and cell once: every register row is tested against all of them.
    const services = [
      ...new Set([...parties.flatMap((p) => cloudServicesIn(scanText(p.name))), ...ctx.model.ledgerItems.flatMap((i) => storageServices(i).services)]),
    ];
    const cells = [...new Set([...new Set(parties.map((p) => p.cell.text))].map(contractorKey))];
    for (const e of register) {
      if (used.has(e)) continue;
      if (services.some((s) => s.pattern.test(e.text))) continue;
      const key = contractorKey(e.name);
      if ([...key].length >= 3 && cells.some((c) => c.includes(key))) continue;
      ctx.report("unused", { sheet: e.sheet.name, row: e.row, col: e.nameCell.col }, { data: { name: truncate(e.name) } });
    }
  },
});
