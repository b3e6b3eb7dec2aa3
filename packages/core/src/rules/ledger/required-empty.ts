import { cellAt, isBlank } from "../../grid/grid";
import { fieldLabel } from "../../glossary/fields";
import { defineRule } from "../define";

/** Expected columns that, when present, must also be filled on every row (blank contractor means none). */
const FILL_WHEN_PRESENT = new Set(["disposal", "medium", "count", "owner"]);

export const ledgerRequiredEmpty = defineRule({
  meta: {
    id: "ledger/required-empty",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.1 / JIS Q 15001:2023 6.1" },
    description: {
      ja: "台帳の必須項目(利用目的、保管期間、保管場所、アクセス権者など)が空欄。",
      en: "A required ledger cell is blank (purpose, retention, storage, access holders...).",
    },
    messages: {
      requiredEmpty: {
        ja: "「{{item}}」の{{field}}が空欄です(構築・運用指針 J.3.1.1で記載が求められている項目)。",
        en: "{{fieldEn}} is blank for \"{{item}}\" (an item guideline J.3.1.1 requires).",
      },
      expectedEmpty: {
        ja: "「{{item}}」の{{field}}が空欄です。",
        en: "{{fieldEn}} is blank for \"{{item}}\".",
        severity: "warning",
      },
    },
  },
  check(ctx) {
    const groups = [
      ...ctx.profile.required.map((alts) => ({ alts, expected: false })),
      ...ctx.profile.expected.filter((alts) => alts.some((f) => FILL_WHEN_PRESENT.has(f))).map((alts) => ({ alts, expected: true })),
    ];
    // Each group's columns depend on the sheet only: worked out once per sheet, not per row.
    const colsOf = new Map<(typeof ctx.model.sheets)[number], { f: string; col: number }[][]>();
    for (const item of ctx.model.ledgerItems) {
      const { sheet, row } = item;
      let sheetCols = colsOf.get(sheet);
      if (!sheetCols) {
        sheetCols = groups.map(({ alts }) => alts.flatMap((f) => (sheet.byField.get(f) ?? []).slice(0, 1).map((m) => ({ f, col: m.col }))));
        colsOf.set(sheet, sheetCols);
      }
      // "usePeriod|retention" and "retention" share a cell. Made for a row with a blank only: most
      // rows have none, and a set and an entry pair per group on every row were this rule's cost.
      let reported: Set<number> | null = null;
      for (let g = 0; g < groups.length; g++) {
        const { expected } = groups[g] as (typeof groups)[number];
        const cols = sheetCols[g] ?? [];
        if (cols.length === 0) continue; // header/missing-column speaks for the column.
        if (cols.some(({ col }) => !isBlank(cellAt(sheet.grid, row, col)))) continue;
        const first = cols[0];
        if (!first || reported?.has(first.col)) continue;
        (reported ??= new Set()).add(first.col);
        const l = fieldLabel("ledger", first.f);
        ctx.report(
          expected ? "expectedEmpty" : "requiredEmpty",
          { sheet: sheet.name, row, col: first.col },
          { data: { item: item.label, field: l.ja, fieldEn: l.en } },
        );
      }
    }
  },
});
