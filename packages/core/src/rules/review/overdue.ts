import { isoFromSerial, japaneseDateFromSerial } from "../../read/date";
import { withinInterval, type DatedRow } from "../../read/annual";
import { defineRule } from "../define";
import { AUDIT, REVIEW } from "../fields";

/**
 * No management review (マネジメントレビュー / 代表者による見直し) within the interval (profile
 * `review`, 12 months; the boundary of ledger/review-overdue). A review within the interval
 * that predates the last internal audit is the normal yearly cycle (audit, then the next
 * review), not a defect: it is only mentioned, as info, so that the audit's results are taken
 * into the next review. Planned reviews (dated after the check date) do not count. Silent
 * without a review sheet.
 */
export const reviewOverdue = defineRule({
  meta: {
    id: "review/overdue",
    area: "review",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.6.3 / JIS Q 15001:2023 9.3" },
    description: {
      ja: "マネジメントレビュー(代表者による見直し)が間隔(既定12か月)内に行われていない。間隔内の見直しが最後の内部監査より前にあるのは通常の年間サイクルなので、監査結果を次の見直しのインプットにするよう情報(info)として知らせるだけにする。",
      en: "No management review within the interval (12 months by default). A review within it that predates the last internal audit is the normal yearly cycle: reported as info only, as a reminder to take the audit's results into the next review.",
    },
    messages: {
      overdue: {
        ja: "最後のマネジメントレビュー({{date}})から{{months}}か月以上経過しています。代表者による見直しを少なくとも年1回行ってください(構築・運用指針 J.6.3)。",
        en: "The last management review ({{dateEn}}) was more than {{months}} months ago; top management must review the PMS at least once a year (guideline J.6.3).",
      },
      never: {
        ja: "マネジメントレビューの実施日が記録されていません(構築・運用指針 J.6.3)。",
        en: "No management review date is recorded (guideline J.6.3).",
      },
      beforeAudit: {
        ja: "最後の内部監査({{audit}})の結果は、まだマネジメントレビューで見直されていません(最後の見直しは{{date}})。次回の見直しのインプットにしてください(構築・運用指針 J.6.3)。",
        en: "The results of the last internal audit ({{auditEn}}) have not been reviewed by management yet (last review {{dateEn}}); take them into the next review (guideline J.6.3).",
        severity: "info",
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
      ctx.report("overdue", at, { data: { date: japaneseDateFromSerial(latest.serial), dateEn: isoFromSerial(latest.serial), months } });
      return;
    }
    let lastAudit: number | null = null;
    for (const sheet of ctx.model.ofKind("audit")) {
      const l = latestOf(done(AUDIT.dated(sheet, "date").rows));
      if (l && (lastAudit === null || l.serial > lastAudit)) lastAudit = l.serial;
    }
    if (lastAudit !== null && lastAudit > latest.serial) {
      ctx.report("beforeAudit", at, { data: { date: japaneseDateFromSerial(latest.serial), dateEn: isoFromSerial(latest.serial), audit: japaneseDateFromSerial(lastAudit), auditEn: isoFromSerial(lastAudit) } });
    }
  },
});
