import type { Severity } from "../findings/finding";
import type { LocalisedText } from "../i18n/text";
import type { RuleArea } from "../rules/define";
import { RULES } from "../rules/index";

/** What a host needs to describe a rule (SARIF `tool.driver.rules[]`, docs, a rule picker). */
export interface RuleInfo {
  id: string;
  area: RuleArea;
  defaultSeverity: Severity;
  /** The clause examiners cite, e.g. 「構築・運用指針 J.3.1.3」, when one applies. */
  clause?: string;
  /** The numbers in `clause` that could not be confirmed against a public text of the 2023 edition. */
  clauseUnconfirmed?: string[];
  description: LocalisedText;
}

/** Every implemented rule's metadata, sorted by id, as plain data (safe to serialise). */
export function ruleCatalogue(): RuleInfo[] {
  return RULES.map((r) => {
    const info: RuleInfo = {
      id: r.meta.id,
      area: r.meta.area,
      defaultSeverity: r.meta.defaultSeverity,
      description: { ja: r.meta.description.ja, en: r.meta.description.en },
    };
    if (r.meta.clause) {
      info.clause = r.meta.clause.ref;
      if (r.meta.clause.unconfirmed) info.clauseUnconfirmed = [...r.meta.clause.unconfirmed];
    }
    return info;
  }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
