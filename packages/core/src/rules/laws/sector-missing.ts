import { APPLICANT_WORDS } from "../../glossary/acquisition";
import { EMPLOYMENT_SECURITY_ACT, INDUSTRIAL_SAFETY_ACT } from "../../glossary/laws";
import { HEALTH_WORDS } from "../../glossary/sensitive";
import { scanText } from "../../read/annual";
import type { LedgerItem } from "../../model/records";
import { defineRule } from "../define";
import { LAW } from "../fields";
import { lawNames, type LawName } from "./names";

/** A sector whose data brings its own law into the laws list. */
interface Sector {
  id: "health" | "applicants";
  holds(text: string): boolean;
  listed(name: LawName): boolean;
  law: { ja: string; en: string };
}

const SECTORS: readonly Sector[] = [
  {
    id: "health",
    holds: (t) => HEALTH_WORDS.test(t),
    listed: (n) => INDUSTRIAL_SAFETY_ACT.test(n.ja) || INDUSTRIAL_SAFETY_ACT.test(n.en),
    law: { ja: "労働安全衛生法", en: "the Industrial Safety and Health Act (労働安全衛生法)" },
  },
  {
    id: "applicants",
    holds: (t) => APPLICANT_WORDS.test(t),
    listed: (n) => EMPLOYMENT_SECURITY_ACT.test(n.ja) || EMPLOYMENT_SECURITY_ACT.test(n.en),
    law: { ja: "職業安定法(求職者等の個人情報の取扱いに関する指針を含む)", en: "the Employment Security Act (職業安定法) and its guideline on job seekers' personal information" },
  },
];

const holdsIn = (sector: Sector, item: LedgerItem) => sector.holds(scanText(item.name.text)) || sector.holds(scanText(item.dataItems.text));

/**
 * The ledger holds data whose own law the laws list lacks: health checks, stress checks and the
 * like (労働安全衛生法, under which employers hold them) and job applicants' papers (職業安定法
 * and its guideline on job seekers' personal information). One finding per law, naming the
 * first ledger item that needs it, on the laws list's header. Silent without a laws list.
 */
export const lawsSectorMissing = defineRule({
  meta: {
    id: "laws/sector-missing",
    area: "laws",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.2", unconfirmed: ["J.3.1.2"] },
    description: {
      ja: "台帳に健康情報や応募者の情報があるのに、法令等一覧にその分野の法令(労働安全衛生法、職業安定法とその指針)がない。",
      en: "The ledger holds health data or job applicants' data but the laws list lacks that sector's law (Industrial Safety and Health Act; Employment Security Act and its guideline).",
    },
    messages: {
      missing: {
        ja: "台帳の「{{item}}」に関係する{{law}}が、法令等一覧にありません。取り扱う個人情報に関係する法令・指針として特定してください。",
        en: "The laws list lacks {{lawEn}}, which applies to ledger item \"{{item}}\"; identify it among the laws and norms that apply.",
      },
    },
  },
  check(ctx) {
    const first = ctx.model.ofKind("law")[0];
    if (!first) return;
    const names = lawNames(ctx.model);
    for (const sector of SECTORS) {
      const item = ctx.model.ledgerItems.find((i) => holdsIn(sector, i));
      if (!item || names.some(sector.listed)) continue;
      ctx.report("missing", LAW.header(first, "name"), { data: { item: item.label, law: sector.law.ja, lawEn: sector.law.en } });
    }
  },
});
