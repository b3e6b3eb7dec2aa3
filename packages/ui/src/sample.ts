import type { CellValue, SheetGrid } from "@pmark/core";

/**
 * The small workbook the preview mode opens: a ledger of four items and their risk analysis,
 * with a few of the defects examiners find (a blank retention period, a phase with no risk
 * analysis, a risk row naming no ledger item, sensitive data without consent) and blank
 * score and level cells for "Add scoring formulas" to fill.
 */
export function sampleWorkbook(): SheetGrid[] {
  const ledger: CellValue[][] = [
    ["個人情報管理台帳", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    ["株式会社サンプル 2025年4月1日改訂", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    ["No.", "部署", "個人情報の名称", "個人情報の項目", "利用目的", "取得方法", "本人同意", "件数", "媒体", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "廃棄方法", "委託先", "要配慮個人情報", "見直し日"],
    [1, "営業部", "顧客名簿", "氏名、会社名、電話番号", "商品案内", "名刺交換", "○", "約1,200件", "電子", "ファイルサーバ", "アクセス制御", "営業部員", "取引終了後3年", "データ消去", "なし", "無", "2025/4/1"],
    [2, "人事部", "従業員名簿", "氏名、住所、生年月日", "雇用管理", "本人から直接", "○", "60件", "電子", "人事システム", "ID・パスワード管理", "人事部員", "退職後5年", "データ消去", "給与計算代行社", "無", "2025/4/1"],
    [3, "人事部", "健康診断結果", "氏名、診断結果", "健康管理", "健診機関から受領", "", "60件", "紙", "人事部キャビネット", "施錠保管", "人事部長", "", "溶解処理", "なし", "有", "2025/4/1"],
    [4, "総務部", "来訪者記録", "氏名、会社名", "入退室管理", "受付で記入", "○", "約500件", "紙", "受付", "施錠保管", "総務部員", "1年", "シュレッダー", "なし", "無", "2024/3/1"],
  ];
  const phases = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"];
  const risk: CellValue[][] = [["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク"]];
  const rows: [number, string, string[]][] = [
    [1, "顧客名簿", phases],
    [2, "従業員名簿", [...phases.slice(0, 4), "委託・提供", "消去・廃棄"]],
    [3, "健康診断結果", phases.filter((p) => p !== "移送・送信")],
    [4, "来訪者記録", phases],
  ];
  for (const [id, name, list] of rows) {
    list.forEach((phase, i) => {
      const l = (id + i) % 3 === 0 ? 2 : 1;
      const impact = id === 3 ? 3 : 2;
      const scored = i % 2 === 0;
      risk.push([id, name, phase, "漏えい・紛失", l, impact, scored ? l * impact : null, scored ? (l * impact >= 6 ? "高" : l * impact >= 3 ? "中" : "低") : null, "施錠保管・アクセス制御", "低"]);
    });
  }
  risk.push([5, "採用応募者情報", "取得・入力", "誤送信", 2, 2, 4, "中", "送信前の宛先確認", "低"]);
  return [
    { name: "個人情報管理台帳", values: ledger },
    { name: "リスク分析表", values: risk },
  ];
}
