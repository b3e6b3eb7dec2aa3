import { nfkc } from "../../glossary/normalise";
import { MY_NUMBER_WORDS, PAYMENT_WORDS } from "../../glossary/sensitive";
import { readLevel, readScale } from "../../read/level";
import type { LedgerItem } from "../../model/records";
import type { EntryAssessment } from "../../model/assess";
import { levelRank } from "../../scoring/levels";
import { defineRule } from "../define";

type Category = "sensitive" | "myNumber" | "payment";

const CATEGORY_TEXT: Record<Category, { ja: string; en: string }> = {
  sensitive: { ja: "要配慮個人情報", en: "sensitive personal information" },
  myNumber: { ja: "特定個人情報(マイナンバー)", en: "My Number data" },
  payment: { ja: "決済情報(クレジットカード・口座番号)", en: "payment data (card or bank account numbers)" },
};


const withoutSpace = (text: string): string => (/\s/.test(text) ? text.replace(/\s+/g, "") : text);

/** What makes a ledger item need the floor: its 要配慮/特定個人情報 flags, or payment data in its name or items. */
export function itemCategories(item: LedgerItem): Category[] {
  const out: Category[] = [];
  // Each part on its own (the same when joined by a space): the cells' texts are mostly ones NFKC
  // leaves as they are, checked without a memo, where a joined text is new on every check. Each
  // part loses its whitespace only when it has some (most have none).
  const text = withoutSpace(nfkc(item.name.text)) + withoutSpace(nfkc(item.dataItems.text));
  if (item.sensitive.value === true) out.push("sensitive");
  if (item.myNumber.value === true || MY_NUMBER_WORDS.test(text)) out.push("myNumber");
  if (PAYMENT_WORDS.test(text)) out.push("payment");
  return out;
}

/** The impact an entry is rated with, on the impact input's scale (max of C・I・A for ISMS sheets). */
function impactOf(a: EntryAssessment): { value: number; col: number } | null {
  const { model, inherent } = a;
  const read = (input: string) => {
    const cell = inherent.cells[input];
    if (!cell || cell.col < 0) return null;
    if (model.kind === "qualitative") {
      const r = readLevel(cell.value);
      return r && r.ok ? { value: levelRank(r.value), col: cell.col } : null;
    }
    const s = model.scale(input);
    const r = readScale(cell.value, s.min, s.max);
    return r && r.ok ? { value: r.value, col: cell.col } : null;
  };
  if (model.impactInput) return read(model.impactInput);
  if (model.def.kind === "assetThreatVulnerability") {
    const parts = ["confidentiality", "integrity", "availability"].map(read);
    if (parts.some((p) => p === null)) return null;
    const best = (parts as { value: number; col: number }[]).reduce((m, p) => (p.value > m.value ? p : m));
    return best;
  }
  return null;
}

export const riskSensitiveImpactFloor = defineRule({
  meta: {
    id: "risk/sensitive-impact-floor",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "要配慮個人情報・特定個人情報・決済情報の項目が、プロファイルの最低影響度より低い影響度で評価されている。",
      en: "A sensitive, My Number or payment-data item is scored with an impact below the profile's floor.",
    },
    messages: {
      belowFloor: {
        ja: "「{{item}}」は{{category}}を含むため、影響度は{{floor}}以上で評価してください(現在は{{impact}})。漏えい時の本人への影響が大きい情報です(構築・運用指針 J.3.1.3)。",
        en: "\"{{item}}\" holds {{categoryEn}}, so its impact should be rated {{floor}} or higher (now {{impact}}): a leak would harm the people concerned more (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    const { itemsOf } = ctx.model.links;
    // An item's categories are the same for each of its risk rows: read them once per item.
    const categoriesOf = new Map<LedgerItem, Category[]>();
    type Need = { floor: number; category: Category; item: LedgerItem } | null;
    // An item's phase rows follow one another and share one list of linked items: the floor
    // found for the previous row serves while the list and the model stay the same.
    let lastItems: LedgerItem[] | undefined;
    let lastModel: EntryAssessment["model"] | undefined;
    let lastNeed: Need = null;
    for (const entry of ctx.model.riskEntries) {
      const items = itemsOf.get(entry) ?? [];
      if (items.length === 0) continue;
      const a = entry.assessment;
      if (!a) continue;
      let need: Need = null;
      if (items === lastItems && a.model === lastModel) need = lastNeed;
      else {
        // The strictest floor among the linked items' categories.
        for (const item of items) {
          let categories = categoriesOf.get(item);
          if (!categories) {
            categories = itemCategories(item);
            categoriesOf.set(item, categories);
          }
          for (const category of categories) {
            const floor = a.model.impactFloor[category];
            if (floor !== null && (need === null || floor > need.floor)) need = { floor, category, item };
          }
        }
        lastItems = items;
        lastModel = a.model;
        lastNeed = need;
      }
      if (!need) continue;
      const impact = impactOf(a);
      if (!impact || impact.value >= need.floor) continue;
      const c = CATEGORY_TEXT[need.category];
      ctx.report(
        "belowFloor",
        { sheet: entry.sheet.name, row: entry.row, col: impact.col },
        { data: { item: need.item.label, category: c.ja, categoryEn: c.en, floor: need.floor, impact: impact.value } },
      );
    }
  },
});
