import { describe, expect, it } from "vitest";
import { check, ledgerSheet, riskSheet, ruleTable, sheet, LEDGER_HEADER } from "../helpers";

const L = "個人情報管理台帳";
const withRisk = (ledger: ReturnType<typeof ledgerSheet>) => [ledger, riskSheet([{ id: 1, name: "台帳項目1" }])];

const table = ruleTable;

table("ledger/required-empty", {
  valid: [
    { name: "every required cell filled", grids: withRisk(ledgerSheet([{}])) },
    { name: "contractor and recipient blank mean none", grids: withRisk(ledgerSheet([{ 委託先: null, 提供先: null }])) },
  ],
  invalid: [
    { name: "blank purpose and retention", grids: withRisk(ledgerSheet([{ 利用目的: "", 保管期間: null }])), expected: [`${L}!E2 requiredEmpty`, `${L}!M2 requiredEmpty`] },
    { name: "blank disposal is an expected field (warning)", grids: withRisk(ledgerSheet([{}, { 廃棄方法: " " }])), expected: [`${L}!N3 expectedEmpty`] },
    {
      name: "name and data items both blank",
      grids: withRisk(ledgerSheet([{ 個人情報の名称: null, 個人情報の項目: null }])),
      expected: [`${L}!C2 requiredEmpty`],
    },
  ],
});

table("ledger/duplicate-id", {
  valid: [
    { name: "distinct ids", grids: withRisk(ledgerSheet([{ "No.": 1 }, { "No.": 2 }])) },
    { name: "per-department ledgers may both start at 1", grids: [ledgerSheet([{ "No.": 1 }], "人事部"), ledgerSheet([{ "No.": 1 }], "営業部")] },
  ],
  invalid: [
    { name: "same id twice", grids: withRisk(ledgerSheet([{ "No.": "P-001" }, { "No.": "P-002" }, { "No.": "Ｐ－００１" }])), expected: [`${L}!A4 duplicateId`] },
  ],
});

table("ledger/sensitive-without-consent", {
  valid: [
    { name: "sensitive with consent", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "有", 本人同意: "同意書あり" }])) },
    { name: "not sensitive, no consent", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "×", 本人同意: "×" }])) },
    // APPI 第20条第2項: acquisition required by law, and data received through entrustment.
    { name: "a legal basis in the consent cell: 不要(安衛法に基づく)", grids: withRisk(ledgerSheet([{ 個人情報の名称: "健康診断結果", 要配慮個人情報: "○", 本人同意: "不要(安衛法に基づく)" }])) },
    { name: "from the 健診機関 under 労働安全衛生法", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "○", 取得方法: "健診機関から受領(労働安全衛生法に基づく)", 本人同意: null }])) },
    { name: "received from the entrusting company (委託元)", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "○", 取得方法: "委託元から受領", 本人同意: null }])) },
  ],
  invalid: [
    { name: "sensitive, consent blank", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "○", 本人同意: null }])), expected: [`${L}!G2 noConsent`] },
    { name: "a bare 不要 gives no legal basis", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "○", 本人同意: "不要" }])), expected: [`${L}!G2 noConsent`] },
    { name: "sensitive, consent no", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "あり(健康診断)", 本人同意: "なし" }])), expected: [`${L}!G2 noConsent`] },
    {
      name: "sensitive, no consent column",
      grids: [sheet(L, [["個人情報の名称", "利用目的", "保管場所", "要配慮"], ["健康診断結果", "健康管理", "人事キャビネット", "○"]])],
      expected: [`${L}!D2 noConsentColumn`],
    },
  ],
});

table("ledger/provision-without-consent", {
  valid: [
    { name: "recipient with consent", grids: withRisk(ledgerSheet([{ 提供先: "健康保険組合", 本人同意: "○" }])) },
    { name: "recipient none", grids: withRisk(ledgerSheet([{ 提供先: "提供なし", 本人同意: null }])) },
    { name: "contractor only (entrustment needs no consent)", grids: withRisk(ledgerSheet([{ 委託先: "〇〇社労士事務所", 本人同意: null }])) },
    // APPI 第27条第1項第1号: provision required by law needs no consent.
    { name: "recipients the law requires: 税務署、市区町村", grids: withRisk(ledgerSheet([{ 提供先: "税務署、市区町村", 本人同意: null }])) },
    { name: "年金事務所・健康保険組合", grids: withRisk(ledgerSheet([{ 提供先: "年金事務所・健康保険組合", 本人同意: "" }])) },
    { name: "a legal basis in the consent cell: 不要(法令に基づく提供)", grids: withRisk(ledgerSheet([{ 提供先: "労働基準監督署", 本人同意: "不要(法令に基づく提供)" }, { 提供先: "親会社", 本人同意: "不要(法令に基づく提供)" }])) },
    // 第27条第5項: entrustment and joint use are not third-party provision.
    { name: "宅配業者(配送のため) is entrustment", grids: withRisk(ledgerSheet([{ 提供先: "宅配業者(配送のため)", 本人同意: null }])) },
    { name: "グループ会社(共同利用)", grids: withRisk(ledgerSheet([{ 提供先: "グループ会社(共同利用)", 本人同意: null }])) },
  ],
  invalid: [
    { name: "recipient, consent blank", grids: withRisk(ledgerSheet([{ 提供先: "グループ会社", 本人同意: "" }])), expected: [`${L}!G2 noConsent`] },
    { name: "a statutory recipient beside one that needs consent", grids: withRisk(ledgerSheet([{ 提供先: "税務署、販売代理店", 本人同意: null }])), expected: [`${L}!G2 noConsent`] },
    { name: "a bare 不要 gives no legal basis", grids: withRisk(ledgerSheet([{ 提供先: "販売代理店", 本人同意: "不要" }])), expected: [`${L}!G2 noConsent`] },
  ],
});

table("ledger/direct-acquisition-without-consent", {
  valid: [
    { name: "web form with consent", grids: withRisk(ledgerSheet([{ 取得方法: "Webフォーム", 本人同意: "○" }])) },
    { name: "handed over by a client (not direct)", grids: withRisk(ledgerSheet([{ 取得方法: "取引先から受領", 本人同意: null }])) },
    { name: "CV acquired indirectly through an agency", grids: withRisk(ledgerSheet([{ 取得方法: "紹介会社経由の履歴書", 本人同意: null }])) },
    { name: "a form the law requires, with its basis recorded", grids: withRisk(ledgerSheet([{ 取得方法: "扶養控除等申告書(書面)", 本人同意: "不要(所得税法に基づく)" }])) },
  ],
  invalid: [
    { name: "web form, no consent", grids: withRisk(ledgerSheet([{ 取得方法: "問い合わせフォーム", 本人同意: null }])), expected: [`${L}!G2 noConsent`] },
    { name: "CV, consent no", grids: withRisk(ledgerSheet([{ 取得方法: "履歴書（郵送）", 本人同意: "×" }])), expected: [`${L}!G2 noConsent`] },
  ],
});

table("ledger/review-overdue", {
  valid: [
    { name: "reviewed within 12 months", grids: withRisk(ledgerSheet([{ 見直し日: "2024/6/30" }])) },
    { name: "reviewed as Excel serial (2025-04-01)", grids: withRisk(ledgerSheet([{ 見直し日: 45748 }])) },
    { name: "reviewed in era notation", grids: withRisk(ledgerSheet([{ 見直し日: "令和7年4月1日" }])) },
  ],
  invalid: [
    { name: "12 months and a day", grids: withRisk(ledgerSheet([{ 見直し日: "2024/6/29" }])), expected: [`${L}!T2 overdue`] },
    { name: "blank review date", grids: withRisk(ledgerSheet([{ 見直し日: null }])), expected: [`${L}!T2 never`] },
  ],
});

describe("ledger header used by the rule tests", () => {
  it("maps every column", () => {
    expect(LEDGER_HEADER).toHaveLength(20);
  });
});

// ---- Rules of issue 9 (sensitive keywords, foreign transfer, legal retention, 2023 scope). ----
// Columns of ledgerSheet: C 名称, D 項目, I 媒体, J 保管場所, M 保管期間, O 委託先, P 提供先, Q 要配慮.

table("ledger/sensitive-unflagged", {
  valid: [
    { name: "health checks flagged as sensitive", grids: withRisk(ledgerSheet([{ 個人情報の名称: "健康診断結果", 要配慮個人情報: "有" }])) },
    {
      name: "look-alikes: 健康保険証番号, 国籍, 犯罪収益移転防止法, システム障害",
      grids: withRisk(
        ledgerSheet([
          { 個人情報の名称: "従業員名簿", 個人情報の項目: "氏名、住所、健康保険証番号、国籍", 要配慮個人情報: "無" },
          { 個人情報の名称: "犯罪収益移転防止法に基づく本人確認記録", 要配慮個人情報: null },
          { 個人情報の名称: "システム障害対応記録", 要配慮個人情報: "無" },
          { 個人情報の名称: "宗教法人顧客名簿", 要配慮個人情報: "無" },
        ]),
      ),
    },
  ],
  invalid: [
    { name: "健康診断結果 flagged no", grids: withRisk(ledgerSheet([{ 個人情報の名称: "健康診断結果", 要配慮個人情報: "無" }])), expected: [`${L}!Q2 unflagged`] },
    {
      name: "2023 additions in the data items, flag blank",
      grids: withRisk(ledgerSheet([{ 個人情報の項目: "氏名、労働組合の加入状況", 要配慮個人情報: null }, { 個人情報の項目: "性的指向に関する相談内容", 要配慮個人情報: "" }])),
      expected: [`${L}!Q2 unflaggedLike`, `${L}!Q3 unflaggedLike`],
    },
    { name: "an APPI word beside a 2023 one is reported as sensitive", grids: withRisk(ledgerSheet([{ 個人情報の項目: "労働組合費、病歴", 要配慮個人情報: "無" }])), expected: [`${L}!Q2 unflagged`] },
    {
      name: "no sensitive column: the item's name",
      grids: [sheet(L, [["個人情報の名称", "利用目的", "保管場所"], ["障害者手帳の写し", "障害者雇用の手続", "人事キャビネット"]])],
      expected: [`${L}!A2 noFlagColumn`],
    },
  ],
});

const register = sheet("委託先管理台帳", [
  ["委託先名", "委託業務", "評価日", "評価結果", "覚書", "所在国", "備考"],
  ["Global CRM Inc.", "顧客管理SaaS", "2025/4/1", "適", "済（DPA締結）", "米国", "外国にある第三者：基準適合体制を確認"],
  ["Overseas Support Ltd.", "問合せ対応", "2025/4/1", "適", "済", "フィリピン", null],
]);

table("ledger/overseas-provision-unspecified", {
  valid: [
    { name: "domestic or none", grids: withRisk(ledgerSheet([{ 提供先: "健康保険組合", 本人同意: "○" }, { 提供先: "海外提供なし" }])) },
    { name: "country and safeguard in the cell", grids: withRisk(ledgerSheet([{ 提供先: "米国の親会社（基準適合体制を確認済み）", 本人同意: "○" }])) },
    { name: "an EU country is itself the safeguard", grids: withRisk(ledgerSheet([{ 提供先: "ドイツの子会社", 本人同意: "○" }])) },
    { name: "a registered contractor with its country and safeguard", grids: [...withRisk(ledgerSheet([{ 委託先: "Global CRM Inc." }])), register] },
  ],
  invalid: [
    { name: "第三国提供あり with nothing else", grids: withRisk(ledgerSheet([{ 提供先: "第三国提供あり", 本人同意: "○" }])), expected: [`${L}!P2 neither`] },
    { name: "a country without a safeguard", grids: withRisk(ledgerSheet([{ 提供先: "米国の提携先", 本人同意: "○" }])), expected: [`${L}!P2 noSafeguard`] },
    { name: "abroad with a safeguard but no country", grids: withRisk(ledgerSheet([{ 委託先: "海外のコールセンター（基準適合体制あり）" }])), expected: [`${L}!O2 noCountry`] },
    { name: "a registered contractor abroad without a safeguard", grids: [...withRisk(ledgerSheet([{ 委託先: "Overseas Support Ltd." }])), register], expected: [`${L}!O2 noSafeguard`] },
  ],
});

table("ledger/retention-below-legal", {
  valid: [
    {
      name: "exactly the legal minimum, or more",
      grids: withRisk(
        ledgerSheet([
          { 個人情報の名称: "健康診断結果", 保管期間: "5年" },
          { 個人情報の名称: "扶養控除等申告書", 保管期間: "7年間" },
          { 個人情報の名称: "労働者名簿", 保管期間: "退職後5年" },
          { 個人情報の名称: "雇用保険被保険者資格取得届", 保管期間: "4年" },
        ]),
      ),
    },
    { name: "3 years for a wage ledger while the transitional rule lasts", grids: withRisk(ledgerSheet([{ 個人情報の名称: "賃金台帳", 保管期間: "最終記入日から3年" }])) },
    { name: "no legal period for a customer list", grids: withRisk(ledgerSheet([{ 個人情報の名称: "顧客名簿", 保管期間: "1年" }])) },
    { name: "永年 and unreadable text are other rules'", grids: withRisk(ledgerSheet([{ 個人情報の名称: "出勤簿", 保管期間: "永年" }, { 個人情報の名称: "タイムカード", 保管期間: "法定期間" }])) },
    // 国税通則法 第70条 is a reassessment deadline, not a retention duty: no legal period to fall short of.
    { name: "a withholding ledger (源泉徴収簿) kept 5 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "源泉徴収簿", 保管期間: "5年" }])) },
    { name: "an annual-leave register kept 3 years while the transitional rule lasts", grids: withRisk(ledgerSheet([{ 個人情報の名称: "年次有給休暇管理簿", 保管期間: "3年" }])) },
    { name: "workers' accident records kept 3 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "労災保険給付請求書(控)", 保管期間: "完結の日から3年" }])) },
  ],
  invalid: [
    { name: "health checks kept 4 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "健康診断結果", 保管期間: "4年" }])), expected: [`${L}!M2 belowLegal`] },
    { name: "an annual-leave register kept 2 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "年次有給休暇管理簿", 保管期間: "2年" }])), expected: [`${L}!M2 belowLegal`] },
    { name: "workers' accident and labour-insurance records kept 2 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "労災保険関係書類", 保管期間: "2年" }, { 個人情報の名称: "労働保険料申告書(年度更新)", 保管期間: "1年" }])), expected: [`${L}!M2 belowLegal`, `${L}!M3 belowLegal`] },
    { name: "a retirement-income declaration kept 5 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "退職所得の受給に関する申告書", 保管期間: "5年" }])), expected: [`${L}!M2 belowLegal`] },
    { name: "attendance kept 2 years (below even the transitional 3)", grids: withRisk(ledgerSheet([{ 個人情報の名称: "出勤簿", 保管期間: "２年" }])), expected: [`${L}!M2 belowLegal`] },
    { name: "one month short of 7 years", grids: withRisk(ledgerSheet([{ 個人情報の名称: "扶養控除等申告書", 保管期間: "6年11か月" }])), expected: [`${L}!M2 belowLegal`] },
  ],
});

const MY_NUMBER_HEADER = ["個人情報の名称", "利用目的", "保管場所", "保管期間", "特定個人情報"];

table("ledger/mynumber-retention-indefinite", {
  valid: [
    { name: "My Number kept for the statutory period", grids: withRisk(ledgerSheet([{ 個人情報の名称: "マイナンバー（個人番号）", 保管期間: "退職後7年" }])) },
    { name: "永年 without My Number", grids: withRisk(ledgerSheet([{ 個人情報の名称: "社史資料", 保管期間: "永年" }])) },
    { name: "an explicit no wins over the words", grids: [sheet(L, [MY_NUMBER_HEADER, ["マイナンバー取扱規程の配布記録", "周知", "総務部", "永年", "無"]])] },
  ],
  invalid: [
    { name: "個人番号 in the data items, kept 永年", grids: withRisk(ledgerSheet([{ 個人情報の項目: "氏名、個人番号", 保管期間: "永年" }])), expected: [`${L}!M2 indefinite`] },
    { name: "flagged My Number, kept without limit", grids: [sheet(L, [MY_NUMBER_HEADER, ["扶養親族情報", "年末調整", "経理部", "無期限", "○"]])], expected: [`${L}!D2 indefinite`] },
  ],
});

table("ledger/mixed-media-row", {
  valid: [{ name: "one medium per row", grids: withRisk(ledgerSheet([{ 媒体: "紙" }, { 媒体: "電子" }])) }],
  invalid: [{ name: "紙・電子 and 両方", grids: withRisk(ledgerSheet([{ 媒体: "紙・電子" }, { 媒体: "電子" }, { 媒体: "両方" }])), expected: [`${L}!I2 mixed`, `${L}!I4 mixed`] }],
});

const trainingRecords = sheet("教育実施記録", [["氏名", "所属", "実施日", "教育名", "テスト結果"], ["山田", "人事部", "2025/4/1", "個人情報保護教育", "90点"]]);
const pmsItems = [{ 個人情報の名称: "同意書" }, { 個人情報の名称: "入社時誓約書" }, { 個人情報の名称: "来訪者受付票" }, { 個人情報の名称: "教育受講記録" }];

table("ledger/pms-records-missing", {
  valid: [
    { name: "the PMS records are in the ledger", grids: [ledgerSheet([{ 個人情報の名称: "顧客名簿" }, ...pmsItems]), trainingRecords] },
    { name: "a ledger without yearly records is not judged", grids: withRisk(ledgerSheet([{ 個人情報の名称: "顧客名簿" }])) },
  ],
  invalid: [
    {
      name: "a ledger beside training records that lists none of them",
      grids: [ledgerSheet([{ 個人情報の名称: "顧客名簿" }]), trainingRecords],
      expected: [`${L}!C1 missing`, `${L}!C1 missing`, `${L}!C1 missing`, `${L}!C1 missing`],
    },
    { name: "only the pledges missing", grids: [ledgerSheet([{ 個人情報の名称: "顧客名簿" }, ...pmsItems.filter((i) => i.個人情報の名称 !== "入社時誓約書")]), trainingRecords], expected: [`${L}!C1 missing`] },
  ],
});

const CATEGORY_HEADER = ["個人情報の名称", "利用目的", "保管場所", "情報区分"];

table("ledger/2023-category-missing", {
  valid: [
    { name: "access logs with a category", grids: [sheet(L, [CATEGORY_HEADER, ["Webアクセスログ", "不正検知", "ログサーバ", "個人関連情報"]])] },
    { name: "no identifiers", grids: withRisk(ledgerSheet([{ 個人情報の名称: "顧客名簿" }])) },
  ],
  invalid: [
    { name: "cookie IDs, no category column", grids: withRisk(ledgerSheet([{ 個人情報の名称: "広告配信用Cookie ID" }])), expected: [`${L}!C2 noCategory`] },
    { name: "IP addresses, category blank", grids: [sheet(L, [CATEGORY_HEADER, ["問合せ履歴", "サポート", "CRM", "個人情報"], ["アクセス元IPアドレス", "不正検知", "ログサーバ", null]])], expected: [`${L}!D3 noCategory`] },
  ],
});

describe("consent messages keep the law's exceptions", () => {
  it("say consent is needed as a rule (原則として), not always", () => {
    const grids = withRisk(ledgerSheet([{ 要配慮個人情報: "○", 本人同意: null }, { 提供先: "販売代理店", 本人同意: null }, { 取得方法: "Webフォーム", 本人同意: null }]));
    const found = check(grids, { rules: ["ledger/sensitive-without-consent", "ledger/provision-without-consent", "ledger/direct-acquisition-without-consent"] }).findings;
    expect(found.map((f) => f.rule).sort()).toEqual(["ledger/direct-acquisition-without-consent", "ledger/provision-without-consent", "ledger/sensitive-without-consent"]);
    for (const f of found) {
      expect(f.message.ja, f.rule).toMatch(/原則として|法令に基づく場合などを除き/);
      expect(f.message.en, f.rule).toMatch(/as a rule|unless the law/);
    }
  });
});

describe("ledger/sensitive-unflagged wording", () => {
  const run = (rows: Parameters<typeof ledgerSheet>[0]) => check(withRisk(ledgerSheet(rows)), { rules: ["ledger/sensitive-unflagged"] }).findings.map((f) => f.message.ja);

  it("says a keyword makes the item possibly sensitive, never that it is", () => {
    const [ja] = run([{ 個人情報の名称: "健康診断結果", 要配慮個人情報: "無" }]);
    expect(ja).toContain("該当する可能性があります");
    expect(ja).not.toContain("に当たります");
  });

  it("says 労働組合 is not 要配慮 under the APPI but handled like it under JIS Q 15001:2023", () => {
    const [ja] = run([{ 個人情報の項目: "氏名、労働組合の加入状況", 要配慮個人情報: null }]);
    expect(ja).toContain("個人情報保護法の要配慮個人情報ではありません");
    expect(ja).toContain("JIS Q 15001:2023では要配慮個人情報と同様に扱う");
  });
});

describe("ledger/retention-below-legal wording", () => {
  it("names the law and its period without nesting brackets", () => {
    const [f] = check(withRisk(ledgerSheet([{ 個人情報の名称: "賃金台帳", 保管期間: "2年" }])), { rules: ["ledger/retention-below-legal"] }).findings;
    expect(f?.message.ja).toBe("「賃金台帳」の保管期間(2年)は、賃金台帳の法定保存期間より短くなっています。労働基準法 第109条・附則第143条が定める保存期間は5年(経過措置により当面3年)です。");
  });
});

// ---- Added in the 2023-accuracy round (issue 21). ----
// Columns of ledgerSheet: C 名称, D 項目, E 利用目的, F 取得方法, G 本人同意, L アクセス権を有する者, M 保管期間, P 提供先.

table("ledger/mynumber-out-of-scope", {
  valid: [
    {
      name: "My Number for withholding slips and social insurance, handled by designated staff",
      grids: withRisk(ledgerSheet([{ 個人情報の名称: "マイナンバー（個人番号）", 利用目的: "源泉徴収票の作成・社会保険の手続", アクセス権を有する者: "総務部の事務取扱担当者" }])),
    },
    { name: "no My Number: access by every employee is another matter", grids: withRisk(ledgerSheet([{ 個人情報の名称: "社内報の配布先", アクセス権を有する者: "全社員" }])) },
    { name: "a blank purpose is ledger/required-empty's", grids: withRisk(ledgerSheet([{ 個人情報の項目: "氏名、個人番号", 利用目的: null }])) },
  ],
  invalid: [
    { name: "My Number used to identify staff", grids: withRisk(ledgerSheet([{ 個人情報の項目: "氏名、個人番号", 利用目的: "社員の本人確認・人事管理" }])), expected: [`${L}!E2 outOfScope`] },
    { name: "My Number open to every employee", grids: withRisk(ledgerSheet([{ 個人情報の名称: "扶養控除等申告書（個人番号記載）", 利用目的: "年末調整", アクセス権を有する者: "全社員" }])), expected: [`${L}!L2 everyone`] },
  ],
});

const INDIRECT_HEADER = ["個人情報の名称", "利用目的", "取得方法", "明示・通知方法", "保管場所", "保管期間", "備考"];
const indirect = (...rows: (string | null)[][]) => [sheet(L, [INDIRECT_HEADER, ...rows])];

table("ledger/indirect-acquisition-unnoticed", {
  valid: [
    { name: "acquired directly from the person", grids: indirect(["会員名簿", "会員管理", "本人から直接（入会申込書）", null, "事務所", "退会後3年", null]) },
    { name: "from a recruiter, purpose published and the check on receipt recorded", grids: indirect(["応募者情報", "採用選考", "人材紹介会社から受領", "HPで公表", "人事キャビネット", "選考後1年", "受領時に取得の経緯を確認・記録"]) },
    { name: "received from the entrusting company (委託元) is no third-party acquisition", grids: indirect(["受託データ", "受託業務", "委託元から受領", null, "隔離サーバ", "契約終了まで", null]) },
    { name: "a business partner's own staff contacts (取引先から)", grids: indirect(["取引先担当者", "取引連絡", "取引先から名刺・書面で受領", null, "営業部", "取引終了後3年", null]) },
  ],
  invalid: [
    { name: "from a recruiter, neither notice nor check", grids: indirect(["応募者情報", "採用選考", "人材紹介会社から受領", null, "人事キャビネット", "選考後1年", null]), expected: [`${L}!C2 noReceiptCheck`, `${L}!D2 noNotice`] },
    { name: "public sources: notice only (no third party provided it)", grids: indirect(["業界団体役員名簿", "営業先の調査", "官報・公開情報から収集", "", "営業部", "3年", null]), expected: [`${L}!D2 noNotice`] },
    { name: "an event organiser's list, purpose published, no check recorded", grids: indirect(["展示会来場者リスト", "営業連絡", "展示会主催者から提供を受けた", "Webサイトで公表", "営業部", "2年", null]), expected: [`${L}!C2 noReceiptCheck`] },
  ],
});

table("ledger/retention-indefinite", {
  valid: [
    { name: "a finite retention", grids: withRisk(ledgerSheet([{ 個人情報の名称: "顧客名簿", 保管期間: "取引終了後5年" }])) },
    { name: "a record the law gives a period is judged by retention-below-legal, not here", grids: withRisk(ledgerSheet([{ 個人情報の名称: "賃金台帳", 保管期間: "永年" }])) },
    { name: "My Number kept 永年 is mynumber-retention-indefinite's", grids: withRisk(ledgerSheet([{ 個人情報の項目: "氏名、個人番号", 保管期間: "永年" }])) },
  ],
  invalid: [
    { name: "a customer list kept forever", grids: withRisk(ledgerSheet([{ 個人情報の名称: "顧客名簿", 保管期間: "永年" }])), expected: [`${L}!M2 indefinite`] },
    { name: "applicants' CVs kept 永年", grids: withRisk(ledgerSheet([{ 個人情報の名称: "履歴書（不採用者を含む）", 利用目的: "採用選考", 保管期間: "永年保管" }])), expected: [`${L}!M2 indefiniteApplicant`] },
  ],
});

const PROVISION_HEADER = ["個人情報の名称", "利用目的", "保管場所", "保管期間", "提供先", "本人同意", "提供記録", "備考"];
const provision = (...rows: (string | null)[][]) => [sheet(L, [PROVISION_HEADER, ...rows])];

table("ledger/provision-unrecorded", {
  valid: [
    { name: "a recipient with its provision record", grids: provision(["会員名簿", "会員サービス", "CRM", "退会後3年", "提携先A社", "○", "有（提供記録簿）", null]) },
    { name: "the record said in a note", grids: provision(["会員名簿", "会員サービス", "CRM", "退会後3年", "提携先A社", "○", null, "提供記録あり（記録簿で管理）"]) },
    { name: "provision the law requires needs no record (税務署, 年金事務所)", grids: provision(["源泉徴収票", "税務手続", "経理", "7年", "税務署、年金事務所", "不要", null, null]) },
    { name: "a joint use is no provision", grids: provision(["顧客名簿", "グループ営業", "CRM", "5年", "グループ会社（共同利用）", null, null, null]) },
    { name: "no recipient", grids: provision(["顧客名簿", "営業", "CRM", "5年", "なし", null, null, null]) },
  ],
  invalid: [
    { name: "a third party with the record column blank", grids: provision(["顧客名簿", "営業", "CRM", "5年", "販売代理店", "○", null, null]), expected: [`${L}!G2 noRecord`] },
    { name: "a delivery firm as recipient looks like entrustment", grids: provision(["発送先リスト", "商品発送", "CRM", "1年", "宅配業者（配送のため）", null, null, null]), expected: [`${L}!E2 maybeEntrusted`] },
    {
      name: "a delivery firm and a third party in one cell",
      grids: provision(["顧客名簿", "営業", "CRM", "5年", "宅配業者、販売代理店", "○", "", null]),
      expected: [`${L}!E2 maybeEntrusted`, `${L}!G2 noRecord`],
    },
    { name: "no record column: on the recipient", grids: withRisk(ledgerSheet([{ 提供先: "グループ会社", 本人同意: "○" }])), expected: [`${L}!P2 noRecord`] },
  ],
});

const PERIODS_HEADER = ["個人情報の名称", "利用目的", "保管場所", "利用期限", "保管期間"];
const periods = (...rows: (string | number | null)[][]) => [sheet(L, [PERIODS_HEADER, ...rows])];

table("ledger/use-after-retention", {
  valid: [
    { name: "used 3 years, kept 5", grids: periods(["顧客名簿", "営業", "CRM", "3年", "5年"]) },
    { name: "dates: used until 2026, kept until 2030", grids: periods(["顧客名簿", "営業", "CRM", "2026/3/31", "2030/3/31"]) },
    { name: "kept 永年 outlasts any use", grids: periods(["社史資料", "社史編纂", "書庫", "10年", "永年"]) },
    { name: "a use period that is not a period (退職まで) cannot be compared", grids: periods(["従業員名簿", "雇用管理", "人事", "退職まで", "退職後5年"]) },
    { name: "one period column for both", grids: withRisk(ledgerSheet([{ 保管期間: "5年" }])) },
  ],
  invalid: [
    {
      name: "used longer than kept: years, 永年 against a period, dates",
      grids: periods(["顧客名簿", "営業", "CRM", "7年", "5年"], ["会員名簿", "会員管理", "CRM", "永年", "3年"], ["応募者情報", "採用", "人事", "2031/3/31", "2030/3/31"]),
      expected: [`${L}!D2 useAfterRetention`, `${L}!D3 useAfterRetention`, `${L}!D4 useAfterRetention`],
    },
  ],
});
