import { isBlank } from "../../grid/grid";
import { ABROAD, ABROAD_DENIED, ADEQUATE, COUNTRY, DOMESTIC } from "../../glossary/abroad";
import { scanText } from "../../read/annual";
import { partyPresence, splitParties, type FieldCell } from "../../model/records";
import type { RegisteredContractor } from "../../model/register";
import { defineRule } from "../define";
import { CONTRACTOR, ledgerCell } from "../fields";

/** A safeguard named in words: the PPC's 基準適合体制 or 相当措置, an adequacy finding, consent to the transfer. */
const SAFEGUARD = /基準適合体制|相当措置|十分性|同等の水準|同等水準|adequacy|standard contractual|\bscc\b|\bbcr\b|cbpr|\bdpa\b|外国(?:にある第三者への)?提供(?:への|の)?同意|同意(?:取得)?済/i;

function isAdequate(text: string): boolean {
  return ADEQUATE.test(text);
}

interface Abroad {
  cell: FieldCell;
  party: string;
  country: boolean;
  safeguard: boolean;
}

export const ledgerOverseasProvisionUnspecified = defineRule({
  meta: {
    id: "ledger/overseas-provision-unspecified",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.8.8 / 個人情報保護法 第28条" },
    description: {
      ja: "提供先・委託先が外国にある(または「第三国提供あり」)のに、国名と移転の根拠(基準適合体制、同意など)が記録されていない。",
      en: "A recipient or contractor abroad (or 第三国提供あり) with no country and no safeguard (equivalent-measures system, consent...) recorded.",
    },
    messages: {
      neither: {
        ja: "「{{item}}」の「{{party}}」は外国にある第三者への提供・委託ですが、国名も移転の根拠(基準適合体制、本人同意など)も記録されていません(個人情報保護法 第28条)。",
        en: "\"{{item}}\": \"{{party}}\" is a provision or entrustment abroad, but neither the country nor the safeguard relied on (equivalent-measures system, consent...) is recorded (APPI Art. 28).",
      },
      noCountry: {
        ja: "「{{item}}」の「{{party}}」は外国にある第三者への提供・委託ですが、国名が記録されていません(個人情報保護法 第28条)。",
        en: "\"{{item}}\": \"{{party}}\" is a provision or entrustment abroad, but the country is not recorded (APPI Art. 28).",
      },
      noSafeguard: {
        ja: "「{{item}}」の「{{party}}」は外国にある第三者への提供・委託ですが、移転の根拠(基準適合体制、本人同意など)が記録されていません(個人情報保護法 第28条)。",
        en: "\"{{item}}\": \"{{party}}\" is a provision or entrustment abroad, but the safeguard relied on (equivalent-measures system, consent...) is not recorded (APPI Art. 28).",
      },
    },
  },
  check(ctx) {
    const register = ctx.model.contractors;
    for (const item of ctx.model.ledgerItems) {
      const countryCell = ledgerCell(item, "country");
      const safeguardCell = ledgerCell(item, "safeguard");
      const note = scanText(ledgerCell(item, "note").text);
      const ledgerCountry = !isBlank(countryCell.value) && partyPresence(countryCell) === "present" && !DOMESTIC.test(scanText(countryCell.text).trim());
      const ledgerSafeguard = !isBlank(safeguardCell.value) && partyPresence(safeguardCell) === "present";
      const found: Abroad[] = [];
      for (const [cell, isContractor] of [
        [item.recipient, false],
        [item.contractor, true],
      ] as const) {
        if (partyPresence(cell) !== "present") continue;
        const text = scanText(cell.text);
        if (ABROAD_DENIED.test(text)) continue;
        const parties = isContractor ? splitParties(text) : [text];
        for (const party of parties) {
          const entry: RegisteredContractor | null = isContractor ? (register.find(party)?.entry ?? null) : null;
          const entryCountry = entry ? scanText(CONTRACTOR.cell(entry.sheet, entry.row, "country").text).trim() : "";
          const words = `${party} ${isContractor ? "" : text}`;
          const abroad = ABROAD.test(words) || COUNTRY.test(words) || isAdequate(words) || (entryCountry !== "" && !DOMESTIC.test(entryCountry));
          if (!abroad) continue;
          const country = ledgerCountry || COUNTRY.test(words) || isAdequate(words) || (entryCountry !== "" && !DOMESTIC.test(entryCountry));
          const adequate = isAdequate(words) || isAdequate(entryCountry) || (ledgerCountry && isAdequate(scanText(countryCell.text)));
          const safeguard = ledgerSafeguard || adequate || SAFEGUARD.test(words) || SAFEGUARD.test(note) || (entry !== null && SAFEGUARD.test(entry.text));
          found.push({ cell, party: party.slice(0, 40), country, safeguard });
        }
      }
      for (const f of found) {
        if (f.country && f.safeguard) continue;
        const id = !f.country && !f.safeguard ? "neither" : !f.country ? "noCountry" : "noSafeguard";
        ctx.report(id, { sheet: item.sheet.name, row: item.row, col: f.cell.col }, { data: { item: item.label, party: f.party } });
      }
    }
  },
});
