import { ABROAD, ABROAD_DENIED, ADEQUATE, COUNTRY, DOMESTIC } from "../glossary/abroad";
import { DIRECT_WRITTEN_WORDS, INDIRECT_WORDS } from "../glossary/acquisition";
import { CLOUD_PLACE, cloudServicesIn } from "../glossary/cloud-services";
import { nfkc } from "../glossary/normalise";
import { fieldCell, partyPresence, type LedgerItem } from "../model/records";
import { scanText } from "../read/annual";
import { readMedium, type Medium } from "../read/medium";
import { itemCategories } from "../rules/risk/sensitive-impact-floor";
import type { ItemTrait } from "./schema";

/**
 * What a ledger item is, for choosing its risks from the library: its medium (null when the
 * ledger does not say, or says it in words the medium reader does not know) and its traits,
 * read from its own cells with the glossary's words, the way the ledger rules read them.
 */
export interface ItemNature {
  medium: Medium | null;
  traits: Set<ItemTrait>;
}

export function itemNature(item: LedgerItem): ItemNature {
  const cell = (field: string) => fieldCell(item.sheet, item.row, field);
  const medium = readMedium(cell("medium").value);
  const traits = new Set<ItemTrait>();
  for (const c of itemCategories(item)) traits.add(c);
  const contractor = partyPresence(item.contractor) === "present";
  const recipient = partyPresence(item.recipient) === "present";
  if (contractor) traits.add("contractor");
  if (recipient) traits.add("recipient");

  const place = scanText(cell("storagePlace").text);
  if (place !== "" && (cloudServicesIn(place).length > 0 || CLOUD_PLACE.test(place))) traits.add("cloud");

  const country = scanText(cell("country").text).trim();
  const parties = [contractor ? item.contractor.text : "", recipient ? item.recipient.text : "", place].map(scanText);
  const abroadWords = (t: string) => t !== "" && !ABROAD_DENIED.test(t) && (ABROAD.test(t) || COUNTRY.test(t) || ADEQUATE.test(t));
  if ((country !== "" && partyPresence(cell("country")) === "present" && !DOMESTIC.test(country)) || parties.some(abroadWords)) traits.add("abroad");

  const how = `${nfkc(cell("acquisitionMethod").text)} ${nfkc(cell("source").text)}`;
  if (DIRECT_WRITTEN_WORDS.test(how) && !INDIRECT_WORDS.test(how)) traits.add("directWritten");
  return { medium: medium && medium.ok ? medium.value : null, traits };
}
