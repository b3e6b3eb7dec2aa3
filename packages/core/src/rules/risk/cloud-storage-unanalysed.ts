import { CLOUD_PLACE, cloudServicesIn } from "../../glossary/cloud-services";
import { scanText } from "../../read/annual";
import type { RiskEntry } from "../../model/records";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";

/** A risk or measure that speaks of the cloud or of the service provider keeping the data. */
const CLOUD_RISK = /クラウド|saas|オンラインストレージ|委託先|サービス(?:事業者|提供者|提供事業者|提供元)|事業者|外部サービス|共有設定|公開設定|アカウント|cloud|provider|vendor/i;

/** The id of the phase a cloud provider's risks belong to besides storage: 委託・提供. */
const ENTRUST_PHASE = "entrust";

function speaksOfCloud(entry: RiskEntry, names: readonly RegExp[]): boolean {
  if (entry.phase === ENTRUST_PHASE) return true;
  const text = scanText(`${entry.risk.text} ${entry.measure.text}`);
  return CLOUD_RISK.test(text) || names.some((p) => p.test(text));
}

/**
 * A ledger item stored in a cloud or SaaS service (Google Workspace, kintone, Box…, or 「クラウド」)
 * whose risk analysis has no risk of that storage or of the outsourcing it is: no risk row in
 * the 委託・提供 phase and none that mentions the cloud, the service or its provider. Examiners
 * ask for the risks of a storage move to the cloud in the item's analysis. Silent for an item
 * with no risk rows (risk/phase-missing speaks).
 */
export const riskCloudStorageUnanalysed = defineRule({
  meta: {
    id: "risk/cloud-storage-unanalysed",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "保管場所がクラウド・SaaSなのに、その個人情報のリスク分析にクラウドでの保管や委託先に関するリスクがない。",
      en: "A cloud or SaaS storage place with no risk of storing there or of the outsourcing in that item's risk analysis.",
    },
    messages: {
      unanalysed: {
        ja: "「{{item}}」の保管場所は{{place}}ですが、リスク分析にクラウドでの保管や委託先に関するリスク(設定ミスによる公開、アカウントの不正利用、委託先での漏えいなど)がありません。保管・バックアップや委託の局面で分析してください(構築・運用指針 J.3.1.3)。",
        en: "\"{{item}}\" is stored in {{placeEn}}, but its risk analysis has no risk of cloud storage or of the provider (exposure by a wrong setting, account misuse, a leak at the provider...); analyse them in the storage or entrustment phase (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    if (ctx.model.ofKind("risk").length === 0) return;
    const { entriesOf } = ctx.model.links;
    for (const item of ctx.model.ledgerItems) {
      const cell = ledgerCell(item, "storagePlace");
      if (cell.text === "") continue;
      const text = scanText(cell.text);
      const services = cloudServicesIn(text);
      if (services.length === 0 && !CLOUD_PLACE.test(text)) continue;
      const entries = entriesOf.get(item) ?? [];
      if (entries.length === 0) continue;
      const names = services.map((s) => s.pattern);
      if (entries.some((e) => speaksOfCloud(e, names))) continue;
      const place = services[0]?.name;
      ctx.report(
        "unanalysed",
        { sheet: item.sheet.name, row: item.row, col: cell.col },
        { data: { item: item.label, place: place ? `「${place}」` : "クラウド", placeEn: place ? `"${place}"` : "the cloud" } },
      );
    }
  },
});
