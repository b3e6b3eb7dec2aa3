/**
 * Who a ledger's contractor and recipient cells name, in words. Patterns run on NFKC text.
 */

/**
 * Recipients the law makes a company provide to (APPI 第27条第1項第1号, 法令に基づく場合): tax
 * offices, municipalities, the pension service, labour offices, health-insurance societies, the
 * claims-review bodies (国保連, 支払基金), a dispatch client told of its dispatched workers
 * (労働者派遣法 第35条), courts and the police on a legal request. Provision to them needs no consent and no provision record.
 */
export const STATUTORY_RECIPIENT_WORDS =
  /税務署|国税庁|国税局|都道府県税事務所|税事務所|市区町村|市町村|市役所|区役所|町役場|村役場|役所|地方公共団体|自治体|年金事務所|日本年金機構|労働基準監督署|労基署|労働局|ハローワーク|公共職業安定所|健康保険組合|健保組合|協会けんぽ|全国健康保険協会|社会保険事務所|国民健康保険団体連合会|国保連|社会保険診療報酬支払基金|支払基金|審査支払機関|保健所|派遣先[^、,]{0,12}(?:通知|法定)|派遣労働者の通知|裁判所|警察|検察|法務局|個人情報保護委員会|tax office|municipal|city hall|pension service|labou?r (?:standards )?office|health insurance (?:society|association)|court|police/i;

/**
 * Recipients that look like a service provider doing work for the company (配送, 印刷, 発送代行,
 * クラウド, 保守, 給与計算…): usually entrustment (委託, APPI 第27条第5項第1号), which is not
 * third-party provision and needs no consent, but a contractor to evaluate and bind by contract.
 */
export const SERVICE_PROVIDER_WORDS =
  /宅配|運送|配送|配達|物流|運輸|郵便|発送|封入|印刷|倉庫|データセンター|クラウド|サーバ|ホスティング|システム(?:保守|開発|運用)|保守|コールセンター|代行|給与計算|社労士|社会保険労務士|税理士|会計事務所|記帳|翻訳|清掃|廃棄|溶解|シュレッダー|courier|delivery|shipping|logistics|printing|mailing|hosting|cloud|call cent(?:er|re)|payroll|outsourc/i;

/**
 * A provision record (APPI 第29条: 第三者提供に係る記録) said in a recipient, note or record cell:
 * 「提供記録あり」「記録簿で管理」「第三者提供記録」.
 */
export const PROVISION_RECORD_WORDS = /提供記録|第三者提供(?:の|に係る)?記録|記録簿|記録(?:あり|有|済|作成|を作成|を保存|保存)|record(?:ed| of provision| kept)/i;

/** A recipient written with what makes it no third-party provision: 委託, 共同利用, 事業承継 (APPI 第27条第5項). */
export const NOT_PROVISION_WORDS = /委託|共同利用|事業承継|entrust|joint use|succession/i;
