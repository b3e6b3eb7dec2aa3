import { cellText } from "../../grid/grid";
import { nfkc } from "../../glossary/normalise";
import { REVIEW_DATE_LABELS } from "../../glossary/vocabulary";
import { withinInterval } from "../../read/annual";
import { isoFromSerial, japaneseDateFromSerial, readDate } from "../../read/date";
import type { RecognisedSheet } from "../../recognise/sheet";
import type { CellRef } from "../define";
import { defineRule } from "../define";
import { RISK } from "../fields";

interface Dated {
  at: CellRef;
  serial: number;
}

/** A date at the start of a text: 「2025年4月1日」「2025/4/1」「令和7年4月1日」「R7.4.1」, followed by anything. */
const LEADING_DATE = /^(?:(?:令和|平成|昭和|[RrHhSs])\s*(?:元|\d{1,2})|\d{4})\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}日?/;

/**
 * A date after a review label in one title cell: 「実施日：2025年4月1日」「見直し日 2025/4/1」, also
 * when more follows (「実施日：2025年5月20日　承認：代表取締役」).
 */
function dateInLabel(text: string): number | null {
  const m = REVIEW_DATE_LABELS.exec(text);
  if (!m) return null;
  const rest = nfkc(text.slice((m.index ?? 0) + m[0].length)).replace(/^[\s:、,]+/, "");
  const token = LEADING_DATE.exec(rest)?.[0];
  if (token === undefined) return null;
  const d = readDate(token);
  return d?.ok ? d.value.serial : null;
}

/**
 * The dates a risk sheet's title block gives for the analysis (rows above its header): a date
 * after a label in the same cell, or in the first non-blank cell to the right of a label cell.
 */
function titleDates(sheet: RecognisedSheet): Dated[] {
  const out: Dated[] = [];
  const top = Math.max(0, sheet.headerRows[0] ?? sheet.headerRow);
  for (let r = 0; r < top; r++) {
    const row = sheet.grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === "" || text.length > 80 || !REVIEW_DATE_LABELS.test(text)) continue;
      const inCell = dateInLabel(text);
      if (inCell !== null) {
        out.push({ at: { sheet: sheet.name, row: r, col: c }, serial: inCell });
        continue;
      }
      for (let k = c + 1; k < row.length && k <= c + 3; k++) {
        if (cellText(row[k]) === "") continue;
        const d = readDate(row[k]);
        if (d?.ok) out.push({ at: { sheet: sheet.name, row: r, col: k }, serial: d.value.serial });
        break;
      }
    }
  }
  return out;
}

/**
 * The risk analysis not reviewed within the interval (profile `risk`, 12 months; the boundary
 * of ledger/review-overdue): J.3.1.3 asks for the risk assessment at least once a year. The
 * sheet's review date is the latest of its 見直し日 column and of the dates its title block gives
 * (「実施日」「見直し日」「作成日」「改訂日」…); dates after the check date do not count. A sheet
 * with a 見直し日 column left blank on every row gets one finding on that column's header; a
 * sheet that keeps no date at all is not judged (its date may live in the document's revision
 * history, which this rule does not read), nor is a sheet of drafted rows still to review.
 */
export const riskReviewOverdue = defineRule({
  meta: {
    id: "risk/review-overdue",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "リスク分析が見直し間隔(既定12か月)内に見直されていない(見直し日の列が空欄の場合を含む)。",
      en: "The risk analysis was not reviewed within the interval (12 months by default), or its review-date column is blank.",
    },
    messages: {
      overdue: {
        ja: "リスク分析の最終見直し日は{{date}}で、{{months}}か月以上経過しています。リスク分析は少なくとも年1回見直してください(構築・運用指針 J.3.1.3)。",
        en: "The risk analysis was last reviewed on {{dateEn}}, more than {{months}} months ago; review it at least once a year (guideline J.3.1.3).",
      },
      never: {
        ja: "リスク分析表の見直し日が空欄です。リスク分析を少なくとも年1回見直し、その日付を記録してください(構築・運用指針 J.3.1.3)。",
        en: "The risk analysis has no review date; review it at least once a year and record the date (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    const months = ctx.profile.reviewMonths.risk;
    // A sheet of drafts only is no analysis yet: each drafted row says so (risk/incomplete-scoring).
    const analysed = new Set<RecognisedSheet>();
    for (const e of ctx.model.riskEntries) if (!e.draft) analysed.add(e.sheet);
    for (const sheet of ctx.model.ofKind("risk")) {
      if (sheet.dataRows.length === 0 || !analysed.has(sheet)) continue;
      const dates: Dated[] = titleDates(sheet);
      for (const d of RISK.dated(sheet, "reviewedDate").rows) dates.push({ at: { sheet: sheet.name, row: d.row, col: d.cell.col }, serial: d.serial });
      let latest: Dated | null = null;
      for (const d of dates) if (d.serial <= ctx.today && (!latest || d.serial > latest.serial)) latest = d;
      if (!latest) {
        if (RISK.has(sheet, "reviewedDate")) ctx.report("never", RISK.header(sheet, "reviewedDate"));
        continue;
      }
      if (withinInterval(latest.serial, months, ctx.today)) continue;
      ctx.report("overdue", latest.at, { data: { date: japaneseDateFromSerial(latest.serial), dateEn: isoFromSerial(latest.serial), months } });
    }
  },
});
