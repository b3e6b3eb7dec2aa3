import type { PhaseDef } from "../profile/schema";

/**
 * The lifecycle phases a risk analysis walks through (JIS Q 15001 構築・運用指針 J.3.1.3 lists
 * 取得・入力 / 移送・送信 / 利用・加工 / 保管・バックアップ / 消去・廃棄; many companies add
 * 委託・提供). Spellings from notes/domain.md §3.1. 委託・提供 only applies to items that have a
 * contractor or a recipient, so a five-phase company is not asked for it otherwise.
 *
 * Synonyms are matched after the phase reader's normalisation (width, case, ・ and / removed),
 * so 「取得・入力」 also covers 「取得/入力」 and 「取得 入力」; variants are listed anyway as the
 * documentation of what was seen.
 */
export const DEFAULT_PHASES: PhaseDef[] = [
  {
    id: "acquire",
    label: { ja: "取得・入力", en: "Acquisition and input" },
    synonyms: [
      "取得・入力", "取得入力", "取得/入力", "取得", "入力", "入手", "収集", "受領", "取得・入手", "取得・収集",
      "Acquisition", "Acquire", "Collection", "Input",
    ],
    appliesWhen: "always",
  },
  {
    id: "transfer",
    label: { ja: "移送・送信", en: "Transfer and transmission" },
    synonyms: [
      "移送・送信", "移送送信", "移送", "送信", "運搬", "送付", "郵送", "持出し", "持ち出し", "移送・運搬",
      "Transfer", "Transmission", "Transport",
    ],
    appliesWhen: "always",
  },
  {
    id: "use",
    label: { ja: "利用・加工", en: "Use and processing" },
    synonyms: ["利用・加工", "利用加工", "利用", "加工", "閲覧", "使用", "Use", "Processing"],
    appliesWhen: "always",
  },
  {
    id: "store",
    label: { ja: "保管・バックアップ", en: "Storage and backup" },
    synonyms: [
      "保管・バックアップ", "保管バックアップ", "保管", "保存", "バックアップ", "保管・保存",
      "Storage", "Store", "Backup",
    ],
    appliesWhen: "always",
  },
  {
    id: "entrust",
    label: { ja: "委託・提供", en: "Entrustment and provision" },
    synonyms: [
      "委託・提供", "委託", "提供", "第三者提供", "共同利用", "外部委託", "委託・再委託",
      "Outsourcing", "Entrustment", "Provision",
    ],
    appliesWhen: "contractorOrRecipient",
  },
  {
    id: "dispose",
    label: { ja: "消去・廃棄", en: "Erasure and disposal" },
    synonyms: [
      "消去・廃棄", "破棄・消去", "廃棄・消去", "消去・廃棄・返却", "廃棄", "消去", "削除", "破棄", "返却", "回収",
      "廃棄・返却", "Disposal", "Deletion", "Erasure",
    ],
    appliesWhen: "always",
  },
];
