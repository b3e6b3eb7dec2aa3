import { fieldLabel } from "../../glossary/fields";
import { readScale } from "../../read/level";
import { defineRule } from "../define";

function labels(fields: readonly string[]): { ja: string; en: string } {
  const ls = fields.map((f) => fieldLabel("risk", f));
  return { ja: ls.map((l) => `「${l.ja}」`).join("・"), en: ls.map((l) => `"${l.en}"`).join(", ") };
}

/** Widest scale `cell/invalid-value` tolerates when the scale is read from the values. */
const TOLERATED_MAX = 5;

export const riskIncompleteScoring = defineRule({
  meta: {
    id: "risk/incomplete-scoring",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "評価基準の入力(発生可能性・影響度など)が欠けていて、リスクレベルを決められない。または、行が下書き(要確認)のまま。",
      en: "An input of the risk model (likelihood, impact...) is missing, so no level can be given; or the row is still a draft to review.",
    },
    messages: {
      missing: {
        ja: "{{fields}}が空欄のため、リスクレベルを決められません(構築・運用指針 J.3.1.3: リスクを分析し、レベルを決める)。",
        en: "No risk level can be given: {{fieldsEn}} left blank (guideline J.3.1.3: analyse each risk and decide its level).",
      },
      offScale: {
        ja: "「{{field}}」の値がこのシートの尺度({{min}}〜{{max}})にないため、リスクレベルを決められません。",
        en: "The {{fieldEn}} value is outside this sheet's scale ({{min}}–{{max}}), so no risk level can be given.",
      },
      draft: {
        ja: "この行は下書き(要確認)です。リスクと対策が自社の取扱いに合うか確認し、評価を入力してから「状態」欄を更新してください。それまでは分析済みのリスクとして数えません(構築・運用指針 J.3.1.3)。",
        en: "This row is a draft to review: check that the risk and the measure fit how the item is handled, score it, then update its status; until then it does not count as an analysed risk (guideline J.3.1.3).",
      },
      noColumn: {
        ja: "リスク評価基準に必要な列{{fields}}がないため、このシートのリスクレベルを決められません(構築・運用指針 J.3.1.3)。",
        en: "No risk level can be given on this sheet: the scoring rule needs column(s) {{fieldsEn}}, which it lacks (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    const sheetsWithoutColumns = new Set<string>();
    for (const sheet of ctx.model.ofKind("risk")) {
      const model = ctx.model.scoringOf(sheet)?.model;
      if (!model) continue;
      const absent = model.inputs.filter((i) => !sheet.byField.has(i));
      if (absent.length === 0) continue;
      sheetsWithoutColumns.add(sheet.name);
      const l = labels(absent);
      ctx.report("noColumn", { sheet: sheet.name, row: sheet.headerRow, col: sheet.columns[0]?.col ?? 0 }, { data: { fields: l.ja, fieldsEn: l.en } });
    }
    const draftRows = new Set<string>();
    for (const entry of ctx.model.riskEntries) {
      if (entry.draft) {
        // One finding per drafted row (a wide row drafts several phases), at its status cell.
        const key = `${entry.sheet.name}\u0000${entry.row}`;
        if (draftRows.has(key)) continue;
        draftRows.add(key);
        const status = entry.sheet.byField.get("status")?.[0]?.col ?? entry.risk.col;
        ctx.report("draft", { sheet: entry.sheet.name, row: entry.row, col: Math.max(0, status) });
        continue;
      }
      if (sheetsWithoutColumns.has(entry.sheet.name)) continue;
      const a = entry.assessment;
      if (!a || a.inherent.result.ok) continue;
      const { missing, invalid } = a.inherent.result;
      const at = (col: number) => ({ sheet: entry.sheet.name, row: entry.row, col });
      if (missing.length > 0) {
        const first = a.inherent.cells[missing[0] as string];
        const l = labels(missing);
        ctx.report("missing", at(first && first.col >= 0 ? first.col : 0), { data: { fields: l.ja, fieldsEn: l.en } });
        continue;
      }
      // Values off a scale read from the sheet's own values: cell/invalid-value tolerates them
      // (1–5), so say here why the row has no level. Declared scales are cell/invalid-value's.
      if (ctx.model.scoringOf(entry.sheet)?.scaleDeclared !== false || a.model.kind === "qualitative") continue;
      for (const input of invalid) {
        const cell = a.inherent.cells[input];
        if (!cell || cell.col < 0) continue;
        const r = readScale(cell.value, 1, TOLERATED_MAX);
        if (!r || !r.ok) continue;
        const l = fieldLabel("risk", input);
        const s = a.model.scale(input);
        ctx.report("offScale", at(cell.col), { data: { field: l.ja, fieldEn: l.en, min: s.min, max: s.max } });
        break;
      }
    }
  },
});
