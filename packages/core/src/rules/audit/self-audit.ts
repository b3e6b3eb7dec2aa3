import { personKey, splitNames } from "../../read/annual";
import { defineRule } from "../define";
import { auditorsOf, auditRows, rosterDepartments, sameDepartment } from "./records";

/**
 * An auditor audits their own department: the audit is not independent (J.6.2; seed 001
 * 「所属している部署を監査は出来ない」). The auditor's department is the audit sheet's 監査員の所属
 * when written, else the auditor's department in the training roster (the same person's latest
 * training row). Messages name departments, never the auditor.
 */
export const auditSelfAudit = defineRule({
  meta: {
    id: "audit/self-audit",
    area: "audit",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.6.2 / JIS Q 15001:2023 9.2" },
    description: {
      ja: "内部監査員が自分の所属する部門を監査している。",
      en: "An auditor audits their own department.",
    },
    messages: {
      selfAudit: {
        ja: "{{department}}の監査を、同じ部門に所属する監査員が行っています。監査員は自らの所属部門を監査できません(構築・運用指針 J.6.2)。",
        en: "{{department}} is audited by an auditor from the same department; auditors must not audit their own department (guideline J.6.2).",
      },
    },
  },
  check(ctx) {
    const roster = rosterDepartments(ctx.model);
    for (const a of auditRows(ctx.model)) {
      const audited = splitNames(a.department.text);
      if (audited.length === 0) continue;
      let hit: { department: string; col: number } | null = null;
      if (a.auditorDepartment.text !== "") {
        const own = splitNames(a.auditorDepartment.text);
        const d = audited.find((x) => own.some((o) => sameDepartment(x, o)));
        if (d) hit = { department: d, col: a.auditorDepartment.col };
      } else {
        for (const person of auditorsOf(a.auditor, roster)) {
          const own = roster.get(personKey(person));
          const d = own === undefined ? undefined : audited.find((x) => sameDepartment(x, own));
          if (d) {
            hit = { department: d, col: a.auditor.col };
            break;
          }
        }
      }
      if (hit) ctx.report("selfAudit", { sheet: a.sheet.name, row: a.row, col: hit.col }, { data: { department: hit.department.slice(0, 40) } });
    }
  },
});
