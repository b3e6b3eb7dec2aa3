import { coversWholeCompany, departmentKey, splitNames, withinInterval } from "../../read/annual";
import { truncate } from "../../model/records";
import { defineRule } from "../define";
import { auditRows, sameDepartment } from "./records";

/**
 * A department that holds ledger items (the ledger's 部署 column) was not audited in the cycle:
 * no audit row within the interval (profile `audit`, 12 months; the boundary of
 * ledger/review-overdue) names it or 全部門/全社. Planned audits (a date after the check date,
 * or no date on a sheet that has a date column) do not count. One finding per department, on
 * the first ledger row of that department. Silent without an audit sheet or a department column.
 */
export const auditDepartmentNotCovered = defineRule({
  meta: {
    id: "audit/department-not-covered",
    area: "audit",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.6.2 / JIS Q 15001:2023 9.2" },
    description: {
      ja: "台帳に個人情報を持つ部門が、監査サイクル(既定12か月)内の内部監査で監査されていない。",
      en: "A department that holds ledger items was not audited in the cycle (12 months by default).",
    },
    messages: {
      notCovered: {
        ja: "{{department}}は台帳に個人情報を持っていますが、直近{{months}}か月の内部監査の対象になっていません。全ての部門を少なくとも年1回監査してください(構築・運用指針 J.6.2)。",
        en: "{{department}} holds ledger items but was not audited in the last {{months}} months; audit every department at least once a year (guideline J.6.2).",
      },
    },
  },
  check(ctx) {
    const audits = auditRows(ctx.model);
    if (ctx.model.ofKind("audit").length === 0) return;
    const months = ctx.profile.reviewMonths.audit;
    const covered: string[] = [];
    let everything = false;
    for (const a of audits) {
      const hasDateColumn = a.date.col >= 0;
      const done = hasDateColumn ? a.serial !== null && a.serial <= ctx.today && withinInterval(a.serial, months, ctx.today) : true;
      if (!done) continue;
      for (const d of splitNames(a.department.text)) {
        if (coversWholeCompany(d)) everything = true;
        else covered.push(d);
      }
    }
    if (everything) return;
    const reported = new Set<string>();
    for (const item of ctx.model.ledgerItems) {
      if (item.department.col < 0) continue;
      for (const d of splitNames(item.department.text)) {
        const key = departmentKey(d);
        if (key === "" || reported.has(key) || coversWholeCompany(d)) continue;
        if (covered.some((c) => sameDepartment(c, d))) continue;
        reported.add(key);
        ctx.report("notCovered", { sheet: item.sheet.name, row: item.row, col: item.department.col }, { data: { department: truncate(d), months } });
      }
    }
  },
});
