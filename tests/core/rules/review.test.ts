import { ruleTable, sheet } from "../helpers";
import { auditSheet, reviewSheet } from "./annual-helpers";

const R = "マネジメントレビュー";

ruleTable("review/overdue", {
  valid: [
    { name: "reviewed 12 months ago to the day, no audit", grids: [reviewSheet(["2023/6/1", "2024/6/30"])] },
    { name: "reviewed after the last audit", grids: [reviewSheet(["2025/3/1"]), auditSheet([{ 監査日: "2025/2/10" }])] },
    { name: "reviewed on the audit's day", grids: [reviewSheet([45698]), auditSheet([{ 監査日: "2025/2/10" }])] },
    { name: "no review sheet: silent", grids: [auditSheet([{}])] },
  ],
  invalid: [
    { name: "12 months and a day", grids: [reviewSheet(["2023/6/1", "2024/6/29"])], expected: [`${R}!A3 overdue`] },
    { name: "a planned review does not count", grids: [reviewSheet(["2024/5/1", "2025/9/1"])], expected: [`${R}!A2 overdue`] },
    { name: "the last review predates the last audit", grids: [reviewSheet(["2025/1/15"]), auditSheet([{ 監査日: "2025/2/10" }])], expected: [`${R}!A2 beforeAudit`] },
    { name: "no date recorded", grids: [sheet(R, [["実施日", "インプット", "アウトプット"], [null, "監査結果", "是正指示"]])], expected: [`${R}!A1 never`] },
  ],
});
