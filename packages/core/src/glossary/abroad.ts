/**
 * Handling abroad as ledgers write it: in a contractor, recipient, storage-place or country cell.
 * Patterns run on text as `scanText` gives it.
 */

/** Handling abroad said in words: 「第三国提供あり」「海外委託」「外国にある第三者」. */
export const ABROAD = /海外|外国|国外|第三国|越境|overseas|abroad|foreign|cross-?border/i;
/** 「海外提供なし」「外国への委託なし」: said, and denied. */
export const ABROAD_DENIED = /(?:海外|外国|国外|第三国)(?:への|に)?(?:の)?(?:提供|委託|移転)?(?:は)?(?:なし|無し|無|しない|ない|非該当)/;

/**
 * Countries and regions as written in ledgers. EU/EEA members and the UK are listed apart:
 * the PPC has found their regimes equivalent (APPI 第28条第1項, 規則第15条), which is itself the
 * safeguard. 「タイ」 only as a word of its own (not タイムカード, ネクタイ).
 */
export const ADEQUATE =
  /\bEU\b|欧州|ヨーロッパ|europe|英国|イギリス|united kingdom|\bUK\b|ドイツ|germany|フランス|france|アイルランド|ireland|オランダ|netherlands|ベルギー|belgium|スウェーデン|sweden|イタリア|italy|スペイン|spain|デンマーク|denmark|フィンランド|finland|ノルウェー|norway|アイスランド|iceland|ルクセンブルク|luxembourg|ポーランド|poland|オーストリア|austria/i;
export const COUNTRY =
  /米国|アメリカ|合衆国|united states|\bU\.?S\.?A?\b|中国|中華人民共和国|china|韓国|大韓民国|korea|台湾|taiwan|香港|hong kong|シンガポール|singapore|インド(?!ネ)|india|フィリピン|philippines|ベトナム|vietnam|viet nam|(?<![ァ-ヶー])タイ(?![ァ-ヶー])|thailand|インドネシア|indonesia|マレーシア|malaysia|オーストラリア|australia|ニュージーランド|new zealand|カナダ|canada|ブラジル|brazil|メキシコ|mexico|イスラエル|israel|スイス|switzerland/i;
export const DOMESTIC = /^(?:日本|日本国|国内|japan|jp|jpn)$/i;
