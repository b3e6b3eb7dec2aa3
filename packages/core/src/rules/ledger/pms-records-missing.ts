import type { LocalisedText } from "../../i18n/text";
import { scanText } from "../../read/annual";
import { defineRule } from "../define";
import { LEDGER } from "../fields";

/**
 * Records the PMS itself creates are personal information too and belong in the ledger; their
 * omission is the classic 特定漏れ (notes/domain.md §4.6, §5 #1 [S44][S45]). Checked across every
 * ledger sheet of the workbook (per-department ledgers together), and only when the workbook
 * holds the yearly records themselves (a training, internal audit or management review sheet):
 * a ledger extract on its own is not expected to list them. One finding per missing group, on
 * the first ledger's header.
 */
const GROUPS: readonly { id: string; label: LocalisedText; pattern: RegExp }[] = [
  { id: "consent", label: { ja: "同意書", en: "consent forms" }, pattern: /同意書|同意の記録|同意記録|consent form/i },
  { id: "pledge", label: { ja: "誓約書", en: "pledges (誓約書)" }, pattern: /誓約書|誓約|pledge/i },
  { id: "entry", label: { ja: "入退室・来訪者記録", en: "entry and visitor logs" }, pattern: /入退室|入退館|入館|来訪者|来客|訪問者|受付票|受付簿|visitor|entry log/i },
  { id: "training", label: { ja: "教育・監査記録", en: "training and audit records" }, pattern: /教育|研修|受講|理解度|監査|training|audit/i },
];

export const ledgerPmsRecordsMissing = defineRule({
  meta: {
    id: "ledger/pms-records-missing",
    area: "ledger",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.3.1.1" },
    description: {
      ja: "PMSの運用で生じる記録(同意書、誓約書、入退室・来訪者記録、教育・監査記録)が台帳に特定されていない。",
      en: "The ledger lacks the records the PMS itself creates (consent forms, pledges, entry and visitor logs, training and audit records).",
    },
    messages: {
      missing: {
        ja: "台帳に「{{records}}」に当たる行がありません。PMSの運用で作成・取得する記録も個人情報として特定してください(特定漏れとして指摘されやすい項目です)。",
        en: "The ledger has no row for {{recordsEn}}; records the PMS itself creates are personal information and must be identified too (a common omission).",
      },
    },
  },
  check(ctx) {
    const yearly = ctx.model.sheets.some((s) => s.kind === "training" || s.kind === "audit" || s.kind === "review");
    const first = ctx.model.ofKind("ledger")[0];
    if (!yearly || !first || ctx.model.ledgerItems.length === 0) return;
    const texts = ctx.model.ledgerItems.map((i) => scanText(`${i.name.text} ${i.dataItems.text} ${i.business.text}`));
    const at = LEDGER.header(first, "name");
    for (const g of GROUPS) {
      if (texts.some((t) => g.pattern.test(t))) continue;
      ctx.report("missing", at, { data: { records: g.label.ja, recordsEn: g.label.en } });
    }
  },
});
