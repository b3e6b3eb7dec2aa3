import { isoFromSerial } from "../../read/date";
import { withinInterval, type DatedRow } from "../../read/annual";
import { defineRule } from "../define";
import { AUDIT, REVIEW } from "../fields";

/**
 * No management review (マネジメントレビュー / 代表者による見直し) within the interval (profile
 * `review`, 12 months; the boundary of ledger/review-overdue), or the last one predates the
 * last internal audit, so the audit's results cannot have been its input (J.6.3; notes/domain.md
 * §4.5). Planned reviews (dated after the check date) do not count. Silent without a review sheet.
 */
export const reviewOverdue = defineRule({
  meta: {
    id: "review/overdue",
    area: "review",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.6.3 / JIS Q 15001:2023 9.3" },
    description: {
      ja: "マネジメントレビュー(代表者による見直し)が間隔(既定12か月)内に行われていない、または最後の見直しが最後の内部監査より前。",
      en: "No management review within the interval (12 months by default), or the last one predates the last internal audit.",
    },
    messages: {
      overdue: {
        ja: "最後のマネジメントレビュー({{date}})から{{months}}か月以上経過しています。代表者による見直しを少なくとも年1回行ってください(構築・運用指針 J.6.3)。",
        en: "The last management review ({{date}}) was more than {{months}} months ago; top management must review the PMS at least once a year (guideline J.6.3).",
      },
      never: {
        ja: "マネジメントレビューの実施日が記録されていません(構築・運用指針 J.6.3)。",
        en: "No management review date is recorded (guideline J.6.3).",
      },
      beforeAudit: {
        ja: "最後のマネジメントレビュー({{date}})は最後の内部監査({{audit}})より前です。内部監査の結果をインプットにして見直しを行ってください(構築・運用指針 J.6.3)。",
        en: "The last management review ({{date}}) predates the last internal audit ({{audit}}); review the PMS with the audit's results as input (guideline J.6.3).",
      },
    },
  },
  check(ctx) {
    const sheets = ctx.model.ofKind("review");
    const first = sheets[0];
    if (!first) return;
    const months = ctx.profile.reviewMonths.review;
    const done = (rows: DatedRow[]) => rows.filter((d) => d.serial <= ctx.today);
    const latestOf = (rows: DatedRow[]) => rows.reduce<DatedRow | null>((best, d) => (!best || d.serial >= best.serial ? d : best), null);
    let latest: (DatedRow & { sheet: string }) | null = null;
    for (const sheet of sheets) {
      const l = latestOf(done(REVIEW.dated(sheet, "date").rows));
      if (l && (!latest || l.serial >= latest.serial)) latest = { ...l, sheet: sheet.name };
    }
    if (!latest) {
      if (sheets.some((s) => s.dataRows.length > 0)) ctx.report("never", REVIEW.header(first, "date"));
      return;
    }
    const at = { sheet: latest.sheet, row: latest.row, col: latest.cell.col };
    if (!withinInterval(latest.serial, months, ctx.today)) {
      ctx.report("overdue", at, { data: { date: isoFromSerial(latest.serial), months } });
      return;
    }
    let lastAudit: number | null = null;
    for (const sheet of ctx.model.ofKind("audit")) {
      const l = latestOf(done(AUDIT.dated(sheet, "date").rows));
      if (l && (lastAudit === null || l.serial > lastAudit)) lastAudit = l.serial;
    }
    if (lastAudit !== null && lastAudit > latest.serial) {
      ctx.report("beforeAudit", at, { data: { date: isoFromSerial(latest.serial), audit: isoFromSerial(lastAudit) } });
    }
  },
});
