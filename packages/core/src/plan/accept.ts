import { cellAt, cellText, type SheetGrid } from "../grid/grid";
import type { Lang, LocalisedText } from "../i18n/text";
import { resolveProfile } from "../profile/resolve";
import type { ProfileInput, SuppressionInput } from "../profile/schema";
import { recogniseSheet } from "../recognise/sheet";
import type { WorkbookReport } from "../report/types";
import { a1 } from "../grid/grid";
import { textCell } from "./cells";
import { headerLanguage } from "./notation";
import type { WritePlan } from "./types";

/**
 * "Accept with reason": record that the company has looked at a finding and accepts it, in
 * one of the two places the check already reads (report/suppress.ts):
 *
 * - the note column (備考・コメント) of the finding's row, when its sheet has one: the note gets
 *   「承認済: <rule> 理由: <reason>」 after what it already says (an overwrite the user confirms
 *   when the note was not empty);
 * - otherwise a profile suppression `{ rule, sheet, cell, reason }`, which the host keeps with
 *   the workbook and adds to the profile it checks with.
 */

export interface AcceptTarget {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
}

export type AcceptancePlan =
  | { via: "note"; plan: WritePlan; cell: string }
  | { via: "profile"; plan: WritePlan; suppression: SuppressionInput };

const TITLE: LocalisedText = { ja: "指摘の受容", en: "Accept a finding" };

/** The note text that accepts `rule`, in the sheet's language. */
export function acceptanceNote(rule: string, reason: string, lang: Lang): string {
  const why = reason.replace(/\s+/g, " ").trim();
  return lang === "ja" ? `承認済: ${rule} 理由: ${why}` : `accepted: ${rule} reason: ${why}`;
}

/** Why an acceptance cannot be recorded. */
export type AcceptProblem = { code: "no-finding" | "no-reason"; message: LocalisedText };

export function acceptancePlan(
  grids: readonly SheetGrid[],
  report: WorkbookReport,
  target: AcceptTarget,
  options: { lang: Lang; profile?: ProfileInput },
): AcceptancePlan | AcceptProblem {
  const finding = report.findings.find((f) => f.rule === target.rule && f.sheet === target.sheet && f.cell === target.cell);
  if (!finding) {
    return {
      code: "no-finding",
      message: { ja: "この指摘は最新のチェック結果にありません。もう一度チェックしてください。", en: "This finding is not in the latest check. Run the check again." },
    };
  }
  const reason = target.reason.trim();
  if (reason === "") return { code: "no-reason", message: { ja: "受容する理由を入力してください。", en: "Enter the reason for accepting the finding." } };
  const index = grids.findIndex((g) => g.name === finding.sheet);
  const grid = grids[index];
  if (grid) {
    const profile = resolveProfile(options.profile);
    const sheet = recogniseSheet(grid, index, { synonyms: profile.synonyms, phases: profile.phases });
    const note = sheet.byField.get("note")?.[0];
    if (note && sheet.dataRows.includes(finding.row - 1)) {
      const lang = headerLanguage(grid, sheet.headerRows) ?? options.lang;
      const before = cellText(cellAt(grid, finding.row - 1, note.col));
      const mark = acceptanceNote(finding.rule, reason, lang);
      const text = before === "" ? mark : `${before} ${mark}`;
      const cell = a1(finding.row, note.col + 1);
      return {
        via: "note",
        cell,
        plan: {
          title: TITLE,
          summary: {
            ja: `${finding.sheet}!${cell}(備考欄)に「${mark}」を書き込みます。チェックはこの指摘を受容済みとして数えます。`,
            en: `Writes "${mark}" into ${finding.sheet}!${cell} (the notes column). The check then counts the finding as accepted.`,
          },
          ops: [{ op: "values", sheet: finding.sheet, row: finding.row, col: note.col + 1, values: [[textCell(text)]] }],
        },
      };
    }
  }
  return {
    via: "profile",
    suppression: { rule: finding.rule, sheet: finding.sheet, cell: finding.cell, reason },
    plan: {
      title: TITLE,
      summary: {
        ja: `シート「${finding.sheet}」に備考欄がないため、このブックに保存するプロファイル設定に受容(${finding.rule}、${finding.cell}、理由: ${reason})を記録します。`,
        en: `The sheet "${finding.sheet}" has no notes column, so the acceptance (${finding.rule}, ${finding.cell}, reason: ${reason}) is recorded in the profile settings saved with this workbook.`,
      },
      ops: [],
    },
  };
}
