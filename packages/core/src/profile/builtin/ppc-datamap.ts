import { DEFAULT_PROFILE } from "../default";
import type { ProfileInput } from "../schema";
import type { RuleSeverities } from "../../rules/ids";

/**
 * `ppc-datamap`: ledgers built on the Personal Information Protection Commission's
 * data-mapping toolkit (データマッピング・ツールキット, 2022), which centres on where data is
 * handled: in house, at contractors and sub-contractors, and at third parties, including abroad
 * (PRODUCT.md §3). Differences from `jisq15001`:
 *
 * - the ledger is expected to record the country (所在国) of each storage place, contractor and
 *   recipient and the safeguard relied on for a transfer abroad (外国移転の根拠: 本人同意,
 *   基準適合体制, an adequacy finding); a missing column is a `header/missing-column` warning;
 * - extra header spellings for those columns as toolkit-style ledgers write them (one `country`
 *   column serves storage place, contractor and recipient: the rules read one country per row);
 * - `ledger/overseas-provision-unspecified` is an error, not a warning.
 *
 * Scoring, phases and review intervals are the default profile's.
 */
export const PPC_DATAMAP_PROFILE = {
  id: "ppc-datamap",
  version: "1.0.0",
  name: { ja: "個人情報保護委員会 データマッピング型", en: "PPC data-mapping toolkit style" },
  fields: {
    synonyms: {
      ledger: {
        country: [
          "保管場所の所在国",
          "保管先の所在国",
          "保存先の所在国",
          "サーバの所在国",
          "サーバーの所在国",
          "委託先所在国",
          "再委託先の所在国",
          "提供先の所在国",
          "提供先所在国",
          "第三者の所在国",
          "外国にある第三者の所在国",
          "取扱国",
          "取扱いの所在国",
        ],
        safeguard: [
          "外国にある第三者への提供の根拠",
          "外国にある第三者への提供の要件",
          "外国移転の要件",
          "移転の要件",
          "提供の根拠",
          "越境移転の要件",
          "本人同意・基準適合体制",
        ],
      },
    },
    required: [...DEFAULT_PROFILE.fields.required],
    expected: [...DEFAULT_PROFILE.fields.expected, "country", "safeguard"],
  },
  phases: DEFAULT_PROFILE.phases,
  reviewIntervalMonths: { ...DEFAULT_PROFILE.reviewIntervalMonths },
  riskModel: { ...DEFAULT_PROFILE.riskModel },
  rules: { "ledger/overseas-provision-unspecified": "error" } satisfies RuleSeverities,
} satisfies ProfileInput;
