import { NOT_PROVISION_WORDS, SERVICE_PROVIDER_WORDS, STATUTORY_RECIPIENT_WORDS } from "../../glossary/parties";
import { LEGAL_BASIS_WORDS } from "../../glossary/vocabulary";
import { scanText } from "../../read/annual";
import { partyPresence, splitParties, type LedgerItem } from "../../model/records";

/**
 * The recipients of a ledger item, as the provision rules read them: third parties, and service
 * providers doing work for the company (宅配業者, 印刷会社…: entrustment, 第27条第5項第1号, which is
 * not provision). Neither list holds a recipient the law makes the company provide to (税務署,
 * 市区町村, 年金事務所…: 第27条第1項第1号), a joint use, or a cell that gives a legal basis itself
 * (「市区町村(法令に基づく提供)」).
 */
export interface Recipients {
  thirdParties: string[];
  serviceProviders: string[];
}

export function recipientsOf(item: LedgerItem): Recipients {
  const out: Recipients = { thirdParties: [], serviceProviders: [] };
  if (partyPresence(item.recipient) !== "present") return out;
  const text = scanText(item.recipient.text);
  const parties = splitParties(text);
  for (const party of parties.length > 0 ? parties : [text]) {
    if (STATUTORY_RECIPIENT_WORDS.test(party) || NOT_PROVISION_WORDS.test(party) || LEGAL_BASIS_WORDS.test(party)) continue;
    if (SERVICE_PROVIDER_WORDS.test(party)) out.serviceProviders.push(party);
    else out.thirdParties.push(party);
  }
  return out;
}
