import { addMonths, isoFromSerial, japaneseDateFromSerial } from "../../read/date";
import { personKey, scanText } from "../../read/annual";
import { dateOf, truncate } from "../../model/records";
import type { RecognisedSheet } from "../../recognise/sheet";
import { defineRule } from "../define";
import { TRAINING } from "../fields";

/** A person who has left is no longer a worker to train. */
const LEFT = /退職|退社|離職|契約終了|派遣終了|出向解除|left the company|resigned/i;

interface Attendance {
  sheet: RecognisedSheet;
  row: number;
  /** Training date or follow-up date, whichever is later; null when neither is readable. */
  serial: number | null;
  col: number;
}

/**
 * Every worker must be trained at least once a year (J.4.3; JIS Q 15001:2017 A.3.4.5: 「全ての従業
 * 者に対する教育を少なくとも年一回」), executives, part-timers, temps and secondees included. The
 * roster is the training sheets' people: each name on any training sheet (several yearly sheets
 * together) whose latest training or follow-up date is older than the interval (profile
 * `training`, 12 months; the boundary of ledger/review-overdue), or who has no date at all. A
 * person marked as having left (退職, 契約終了…) is skipped. Messages give the employment type,
 * never the person's name (findings carry no personal data): the cell says who.
 */
export const trainingOverdue = defineRule({
  meta: {
    id: "training/overdue",
    area: "training",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.4.3 / JIS Q 15001:2023 箇条7" },
    description: {
      ja: "教育を間隔(既定12か月)内に受けていない従業者がいる(役員・パート・アルバイト・派遣社員・出向者を含む)。",
      en: "A worker (executives, part-timers, temps and secondees included) with no training in the interval (12 months by default).",
    },
    messages: {
      overdue: {
        ja: "この従業者({{kind}})の直近の教育受講日は{{date}}で、{{months}}か月以上経過しています。役員・パート・派遣社員を含む全ての従業者に少なくとも年1回教育を行ってください(構築・運用指針 J.4.3)。",
        en: "This worker ({{kindEn}}) was last trained on {{dateEn}}, more than {{months}} months ago; train every worker, executives, part-timers and temps included, at least once a year (guideline J.4.3).",
      },
      never: {
        ja: "この従業者({{kind}})には教育の受講日が記録されていません。未受講であれば教育(またはフォロー教育)を行い、実施日を記録してください(構築・運用指針 J.4.3)。",
        en: "No training date is recorded for this worker ({{kindEn}}); if untrained, train them (or give follow-up training) and record the date (guideline J.4.3).",
      },
    },
  },
  check(ctx) {
    const months = ctx.profile.reviewMonths.training;
    const people = new Map<string, { rows: Attendance[]; left: boolean; kind: string }>();
    for (const sheet of ctx.model.ofKind("training")) {
      for (const row of sheet.dataRows) {
        const name = TRAINING.cell(sheet, row, "name").text;
        const key = personKey(name);
        if (key === "") continue;
        const date = TRAINING.cell(sheet, row, "date");
        const followUp = TRAINING.cell(sheet, row, "followUp");
        const dates = [dateOf(date), dateOf(followUp)].filter((d): d is number => d !== null);
        const employment = TRAINING.cell(sheet, row, "employment").text;
        const status = scanText(`${employment} ${TRAINING.cell(sheet, row, "note").text} ${TRAINING.cell(sheet, row, "absenceReason").text}`);
        const person = people.get(key) ?? { rows: [], left: false, kind: "" };
        person.rows.push({ sheet, row, serial: dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : null, col: date.col >= 0 ? date.col : TRAINING.cell(sheet, row, "name").col });
        person.left ||= LEFT.test(status);
        if (employment !== "") person.kind = truncate(employment, 20);
        people.set(key, person);
      }
    }
    for (const person of people.values()) {
      if (person.left) continue;
      let latest: Attendance | null = null;
      for (const a of person.rows) if (a.serial !== null && (!latest || (latest.serial ?? 0) <= a.serial)) latest = a;
      const kind = { kind: person.kind || "区分不明", kindEn: person.kind || "type not recorded" };
      if (!latest || latest.serial === null) {
        const first = person.rows[0];
        if (first) ctx.report("never", { sheet: first.sheet.name, row: first.row, col: first.col }, { data: kind });
        continue;
      }
      if (addMonths(latest.serial, months) < ctx.today) {
        ctx.report("overdue", { sheet: latest.sheet.name, row: latest.row, col: latest.col }, { data: { ...kind, date: japaneseDateFromSerial(latest.serial), dateEn: isoFromSerial(latest.serial), months } });
      }
    }
  },
});
