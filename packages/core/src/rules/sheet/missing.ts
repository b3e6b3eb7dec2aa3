import { defineRule } from "../define";

/** The ledger and the risk analysis come as a pair (J.3.1.1, J.3.1.3). */
export const sheetMissing = defineRule({
  meta: {
    id: "sheet/missing",
    area: "sheet",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.1 / J.3.1.3" },
    description: {
      ja: "個人情報管理台帳があるのにリスク分析表がない(またはその逆)。",
      en: "The workbook has a ledger but no risk analysis, or the reverse.",
    },
    messages: {
      noRisk: {
        ja: "個人情報管理台帳はありますが、このブックにリスク分析表が見つかりません。別のファイルで管理していない場合は、局面・リスク・対策の列を持つシートを用意してください(構築・運用指針 J.3.1.3)。",
        en: "The workbook has a personal-information ledger but no risk analysis; unless it is kept in another file, add a sheet with phase, risk and measure columns (guideline J.3.1.3).",
      },
      noLedger: {
        ja: "リスク分析表はありますが、このブックに個人情報管理台帳が見つかりません。別のファイルで管理していない場合は、台帳を用意してください(構築・運用指針 J.3.1.1)。",
        en: "The workbook has a risk analysis but no personal-information ledger; unless it is kept in another file, add one (guideline J.3.1.1).",
      },
      neither: {
        ja: "個人情報管理台帳もリスク分析表も認識できませんでした。見出し行(例: 「個人情報の名称」「利用目的」「保管場所」、「局面」「リスク」「対策」)があるか確認してください。{{why}}",
        en: "No personal-information ledger and no risk analysis could be recognised. Check that the sheets have a header row (e.g. 個人情報の名称 / purpose / storage location, or phase / risk / measure).{{whyEn}}",
      },
    },
  },
  check(ctx) {
    const ledgers = ctx.model.ofKind("ledger");
    const risks = ctx.model.ofKind("risk");
    const first = ctx.model.sheets[0];
    if (ledgers.length > 0 && risks.length === 0) {
      const s = ledgers[0];
      if (s) ctx.report("noRisk", { sheet: s.name, row: s.headerRow, col: s.columns[0]?.col ?? 0 });
    } else if (risks.length > 0 && ledgers.length === 0) {
      const s = risks[0];
      if (s) ctx.report("noLedger", { sheet: s.name, row: s.headerRow, col: s.columns[0]?.col ?? 0 });
    } else if (ledgers.length === 0 && risks.length === 0 && first) {
      const near = ctx.model.sheets.find((s) => s.diagnosis?.bestKind && s.diagnosis.fields > 0);
      const why = near
        ? { why: `シート「${near.name}」は見出しの一部(${near.diagnosis?.fields ?? 0}列)しか一致しませんでした。`, whyEn: ` Sheet "${near.name}" matched only ${near.diagnosis?.fields ?? 0} known column(s).` }
        : { why: "", whyEn: "" };
      ctx.report("neither", { sheet: first.name, row: 0, col: 0 }, { data: why });
    }
  },
});
