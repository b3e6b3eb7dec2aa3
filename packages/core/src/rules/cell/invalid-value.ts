import { isBlank, type CellValue } from "../../grid/grid";
import { FIELD_CATALOGUE, fieldLabel } from "../../glossary/fields";
import type { RecognisedKind, ValueType } from "../../glossary/kinds";
import { nfkc } from "../../glossary/normalise";
import { readCount } from "../../read/count";
import { readDate } from "../../read/date";
import { readLevel, readScale, readScore } from "../../read/level";
import { readMedium } from "../../read/medium";
import { AMBIGUOUS_FLAG } from "../../glossary/vocabulary";
import type { ReadResult } from "../../read/result";
import { readYesNo } from "../../read/yesno";
import type { ColumnMapping, RecognisedSheet } from "../../recognise/sheet";
import { INPUT_ERROR_MARKER } from "../../scoring/levels";
import type { SheetRiskModel } from "../../model/assess";
import { defineRule } from "../define";

/** The widest scale seen in P-mark and ISMS risk sheets (1–3, 1–4, 1–5). */
const SCALE_MAX = 5;

const EXPECTED: Partial<Record<ValueType, { ja: string; en: string }>> = {
  count: { ja: "件数(例: 1,000件、約500、100〜500)", en: "a count (e.g. 1,000件, 約500, 100〜500)" },
  date: { ja: "日付(例: 2024/4/1、令和6年4月1日、R6.4.1)", en: "a date (e.g. 2024/4/1, 令和6年4月1日, R6.4.1)" },
  yesno: { ja: "有無(例: ○/×、有/無、あり/なし)", en: "yes or no (e.g. ○/×, 有/無, Yes/No)" },
  medium: { ja: "媒体(紙/電子/紙・電子)", en: "a medium (paper, electronic or both)" },
  level: { ja: "レベル(高/中/低、大/中/小、3/2/1)", en: "a level (高/中/低, H/M/L, 3/2/1)" },
  scale: { ja: `1〜${SCALE_MAX}の整数`, en: `a whole number from 1 to ${SCALE_MAX}` },
  score: { ja: "0以上の数値", en: "a number of zero or more" },
};

const QUALITATIVE_RATINGS = new Set(["likelihood", "impact", "residualLikelihood", "residualImpact"]);

/**
 * How a rating column of a risk sheet is read: on the scale the profile's model declares for it
 * (a likelihood of 4 on 1–3 is invalid), as level words when the model is qualitative, and on
 * the tolerant 1–5 otherwise (a scale read from the values themselves is never a reason to flag).
 */
function ratingReader(sheet: RecognisedSheet, mapping: ColumnMapping, scoring: SheetRiskModel | null): { kind: "scale"; min: number; max: number } | { kind: "level" } | null {
  if (sheet.kind !== "risk") return null;
  // A rating column written in words (高/中/低, 大/中/小, H/M/L) is read as words.
  if (mapping.wordScale) return { kind: "level" };
  if (!scoring) return null;
  const { model } = scoring;
  const field = mapping.field;
  // Qualitative sheets rate with words (発生可能性 高, 被害の大きさ 大): read those as levels.
  if (model.kind === "qualitative" && QUALITATIVE_RATINGS.has(field)) return { kind: "level" };
  // Residual ratings share the scale of the rating they follow.
  const input = field === "residualLikelihood" ? model.likelihoodInput : field === "residualImpact" ? model.impactInput : field;
  if (!input || !model.inputs.includes(input)) return null;
  if (model.kind === "qualitative") return { kind: "level" };
  if (!scoring.scaleDeclared) return null;
  const s = model.scale(input);
  return { kind: "scale", min: s.min, max: s.max };
}

function readAs(type: ValueType, v: CellValue): ReadResult<unknown> | null {
  switch (type) {
    case "count":
      return readCount(v);
    case "date":
      return readDate(v);
    case "yesno": {
      // Yes/no columns often hold prose (「同意書あり」): only a value nobody can decide is wrong.
      const r = readYesNo(v);
      if (r === null || r.ok) return r;
      const t = typeof v === "string" ? nfkc(v).trim() : "";
      return AMBIGUOUS_FLAG.test(t) ? { ok: false, hint: "判断不能" } : { ok: true, value: true };
    }
    case "medium":
      return readMedium(v);
    case "level":
      return readLevel(v);
    case "scale":
      return readScale(v, 1, SCALE_MAX);
    case "score":
      return readScore(v);
    default:
      return null;
  }
}

/** One typed column of a sheet: how its cells are read, and the rows whose cells cannot be. */
interface ColumnPlan {
  col: number;
  field: string;
  type: ValueType;
  want: { ja: string; en: string };
  read: (v: CellValue) => ReadResult<unknown> | null;
  invalid: { row: number; hint: string | undefined }[];
}

/** A value that cannot be read as its column's type: 「多数」 as a count, 2024/13/45, R1.4.30, a likelihood of 7. */
export const cellInvalidValue = defineRule({
  meta: {
    id: "cell/invalid-value",
    area: "cell",
    defaultSeverity: "warning",
    clause: null,
    description: {
      ja: "列の型として読めない値(件数「多数」、日付「2024/13/45」、存在しない和暦、尺度外の発生可能性など)。",
      en: "A value that cannot be read as its field's type (a count of 「多数」, a date 2024/13/45, a non-existent era date, a likelihood outside the scale).",
    },
    messages: {
      invalid: {
        ja: "「{{field}}」の値を読み取れません。{{expected}}で入力してください。",
        en: "The {{fieldEn}} value cannot be read: enter {{expectedEn}}.",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.model.sheets) {
      if (!(sheet.kind in FIELD_CATALOGUE)) continue;
      const kind = sheet.kind as RecognisedKind;
      const catalogue = FIELD_CATALOGUE[kind] as Record<string, { type: ValueType }>;
      const plans: ColumnPlan[] = [];
      for (const m of sheet.columns) {
        const type = catalogue[m.field]?.type;
        const expected = type ? EXPECTED[type] : undefined;
        if (!type || !expected) continue;
        const rating = type === "scale" ? ratingReader(sheet, m, ctx.model.scoringOf(sheet)) : null;
        const want =
          rating?.kind === "scale"
            ? { ja: `${rating.min}〜${rating.max}の整数`, en: `a whole number from ${rating.min} to ${rating.max}` }
            : rating?.kind === "level"
              ? (EXPECTED.level as { ja: string; en: string })
              : expected;
        const read = (v: CellValue) => (rating?.kind === "scale" ? readScale(v, rating.min, rating.max) : rating?.kind === "level" ? readLevel(v) : readAs(type, v));
        plans.push({ col: m.col, field: m.field, type, want, read, invalid: [] });
      }
      if (plans.length === 0) continue;
      // Row by row, every column of the row together: a row's cells are read while its array is
      // in the processor's cache, where a column at a time walked all 60k rows once per column.
      const values = sheet.grid.values;
      for (const r of sheet.dataRows) {
        const row = values[r];
        if (row === undefined) continue;
        for (const plan of plans) {
          const v = row[plan.col];
          if (isBlank(v)) continue;
          // The scoring formulas' own marker: the unusable input beside it is reported instead.
          if ((plan.type === "score" || plan.type === "level") && (v === INPUT_ERROR_MARKER.ja || v === INPUT_ERROR_MARKER.en)) continue;
          const res = plan.read(v);
          if (res === null || res.ok) continue;
          plan.invalid.push({ row: r, hint: res.hint });
        }
      }
      // Reported column by column, as before.
      for (const plan of plans) {
        const l = fieldLabel(kind, plan.field);
        for (const { row, hint } of plan.invalid) {
          ctx.report(
            "invalid",
            { sheet: sheet.name, row, col: plan.col },
            {
              data: { field: l.ja, fieldEn: l.en, expected: plan.want.ja, expectedEn: plan.want.en },
              ...(hint ? { hint } : {}),
            },
          );
        }
      }
    }
  },
});
