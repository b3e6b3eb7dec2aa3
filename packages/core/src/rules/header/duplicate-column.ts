import { columnLetters } from "../../grid/grid";
import { FIELD_CATALOGUE, fieldLabel } from "../../glossary/fields";
import type { RecognisedKind } from "../../glossary/kinds";
import { defineRule } from "../define";

/** Two columns that both name the same field: which one is the truth is anybody's guess. */
export const headerDuplicateColumn = defineRule({
  meta: {
    id: "header/duplicate-column",
    area: "header",
    defaultSeverity: "warning",
    clause: null,
    description: {
      ja: "2つの列が同じ項目を表している。",
      en: "Two columns map to the same field.",
    },
    messages: {
      duplicate: {
        ja: "列「{{header}}」は{{first}}列と同じ項目({{field}})を表しています。どちらか一方にまとめてください。以降のチェックは{{first}}列を使います。",
        en: "Column \"{{header}}\" carries the same field ({{fieldEn}}) as column {{first}}; merge them. Checks use column {{first}}.",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.model.sheets) {
      if (sheet.kind === "unknown" || !(sheet.kind in FIELD_CATALOGUE)) continue;
      const kind = sheet.kind as RecognisedKind;
      const catalogue = FIELD_CATALOGUE[kind] as Record<string, { repeatable?: boolean }>;
      for (const [field, cols] of sheet.byField) {
        if (cols.length < 2 || catalogue[field]?.repeatable) continue;
        // Wide layouts repeat risk/measure per phase group: only a repeat within a group counts.
        const seen = new Map<string, (typeof cols)[number]>();
        for (const m of cols) {
          // A column given the role by its values (a 「脆弱性」 column of sentences beside 「脅威」) is part of the same description, not a rival header.
          if (m.source !== "header") continue;
          const key = m.phase ?? "";
          const first = seen.get(key);
          if (!first) {
            seen.set(key, m);
            continue;
          }
          const l = fieldLabel(kind, field);
          ctx.report(
            "duplicate",
            { sheet: sheet.name, row: sheet.headerRow, col: m.col },
            { data: { header: m.header, field: l.ja, fieldEn: l.en, first: columnLetters(first.col + 1) } },
          );
        }
      }
    }
  },
});
