import type { Lang, LocalisedText } from "@pmark/core";
import { TEXT_LIMITS, terminalText } from "./terminal-text";

/** A user-given value (argument, file name) quoted in a message, safe for a terminal and cut. */
function q(value: string, lang: Lang): string {
  return terminalText(value, { max: TEXT_LIMITS.file, lang });
}

/** A message that quotes user-given values: each language gets them cut with its own marker. */
function quoting(make: (lang: Lang) => string): LocalisedText {
  return { ja: make("ja"), en: make("en") };
}

export function pick(text: LocalisedText, lang: Lang): string {
  return text[lang];
}

export const USAGE: LocalisedText = {
  ja: [
    "使い方: pmark check ファイル|フォルダ... [--profile ID|P.json] [--today YYYY-MM-DD]",
    "                   [--format text|json|sarif|html] [--lang ja|en] [--rule ID...] [--skip-rule ID...]",
    "       pmark explain ファイル... [--profile ID|P.json] [--format text|json] [--lang ja|en]",
    "       pmark diff 前年度 今年度 [--profile ID|P.json] [--today YYYY-MM-DD] [--format text|json|html] [--lang ja|en]",
    "       pmark template [--profile ID|P.json] [--lang ja|en] --out FILE.xlsx [--force]",
    "       pmark draft ファイル --out OUT.xlsx [--profile ID|P.json] [--lang ja|en] [--force]",
    "詳しくは pmark --help",
  ].join("\n"),
  en: [
    "usage: pmark check FILE|FOLDER... [--profile ID|P.json] [--today YYYY-MM-DD]",
    "                   [--format text|json|sarif|html] [--lang ja|en] [--rule ID...] [--skip-rule ID...]",
    "       pmark explain FILE... [--profile ID|P.json] [--format text|json] [--lang ja|en]",
    "       pmark diff OLD NEW [--profile ID|P.json] [--today YYYY-MM-DD] [--format text|json|html] [--lang ja|en]",
    "       pmark template [--profile ID|P.json] [--lang ja|en] --out FILE.xlsx [--force]",
    "       pmark draft FILE --out OUT.xlsx [--profile ID|P.json] [--lang ja|en] [--force]",
    "see pmark --help",
  ].join("\n"),
};

export function helpText(lang: Lang, version: string): string {
  if (lang === "en") {
    return `pmark ${version}: checks P-mark (JIS Q 15001) personal-information ledgers and risk analyses

usage:
  pmark check FILE|FOLDER... [options]
  pmark explain FILE... [--profile ID|P.json] [--format text|json] [--lang ja|en]
  pmark diff OLD NEW [--profile ID|P.json] [--today YYYY-MM-DD] [--format text|json|html] [--lang ja|en]
  pmark template [--profile ID|P.json] [--lang ja|en] --out FILE.xlsx [--force]
  pmark draft FILE --out OUT.xlsx [--profile ID|P.json] [--lang ja|en] [--force]
  pmark --help | --version

Reads .xlsx .xlsm .xls .ods and .csv (UTF-8, UTF-16 or Shift_JIS). Folders are searched
recursively. Several files are checked in parallel; results keep the argument order.
\`explain\` says how each sheet was read: its kind and why, the header rows, each column's role
with the evidence from its header and its values, the rows skipped and why, and the scoring rule
and where it came from (the sheet's formulas, its consistent values, or the profile).
\`diff\` compares last year's workbook with this year's (any layout each): ledger items added,
removed, renamed and changed field by field, risk rows and levels before and after measures,
findings resolved, new and still open.
\`template\` writes the standard template workbook of a profile (ledger, risk analysis with
scoring formulas, contractors, laws, training, internal audit), to fill in without the add-in.
\`draft\` writes a copy of an .xlsx or .xlsm workbook with the risk rows its analysis lacks
drafted on a new sheet, marked "To review (draft)"; the input and every part of it but the
sheet list stay as they are.

options:
  --profile ID|P.json   profile: a built-in id, jisq15001 (default), ppc-datamap, isms-asset
                        or qualitative, or a profile JSON file ("extends": "ID" in the file
                        merges it over that built-in profile)
  --today YYYY-MM-DD    the check date (default: today), for reproducible results
  --format text|json|sarif|html
                        output format (default: text); html is one printable page
                        (diff: text, json or html)
  --lang ja|en          language of messages, of the HTML page and of the template (default: ja)
  --out FILE.xlsx       template, draft: the file to write (its folder must exist; draft:
                        .xlsx for an .xlsx input, .xlsm for an .xlsm one)
  --force               template, draft: replace --out if it exists
  --rule ID             run only these rules (repeatable, or comma-separated; "risk/" selects a group)
  --skip-rule ID        skip these rules (repeatable, or comma-separated)
  -h, --help            show this help
  -V, --version         show the version

exit status:
  0  no errors found (diff: no new error since last year)
  1  errors found (diff: new errors)
  2  an input could not be read, or a usage error
`;
  }
  return `pmark ${version}: Pマーク (JIS Q 15001) の個人情報管理台帳とリスク分析表を検査します

使い方:
  pmark check ファイル|フォルダ... [オプション]
  pmark explain ファイル... [--profile ID|P.json] [--format text|json] [--lang ja|en]
  pmark diff 前年度 今年度 [--profile ID|P.json] [--today YYYY-MM-DD] [--format text|json|html] [--lang ja|en]
  pmark template [--profile ID|P.json] [--lang ja|en] --out FILE.xlsx [--force]
  pmark draft ファイル --out OUT.xlsx [--profile ID|P.json] [--lang ja|en] [--force]
  pmark --help | --version

.xlsx .xlsm .xls .ods と .csv (UTF-8・UTF-16・Shift_JIS) を読みます。フォルダは中まで探します。
複数のファイルは並行して検査し、結果は引数の順に出します。
explain は各シートをどう読んだかを示します: シートの種類とその理由、見出し行、各列の役割と
その根拠 (見出しと値)、読まなかった行とその理由、リスク評価基準とその出どころ (シートの数式・
記入内容・プロファイル)。
diff は前年度と今年度のブック (様式が違っていても可) を比べます。台帳の項目の追加・削除・名称変更と
項目ごとの変更、リスク分析の行と対策前後のレベルの変化、指摘の解消・新規・継続を示します。
template はプロファイルの標準テンプレート (台帳・評価式入りのリスク分析表・委託先・法令等・
教育・内部監査) を書き出します。アドインなしで記入できます。
draft は .xlsx・.xlsm のブックの写しを書き出し、リスク分析に不足している行を新しいシートに
「要確認(下書き)」として下書きします。入力ファイルは変更せず、写しもシート一覧以外はそのままです。

オプション:
  --profile ID|P.json   プロファイル: 組み込みの jisq15001 (既定)・ppc-datamap・isms-asset・
                        qualitative か、プロファイルの JSON ファイル (ファイルに "extends": "ID"
                        と書くと、その組み込みプロファイルに差分として重ねます)
  --today YYYY-MM-DD    検査日 (既定: 今日)。結果を再現できるように固定します
  --format text|json|sarif|html
                        出力形式 (既定: text)。html は印刷できる1ページのレポート
                        (diff は text・json・html)
  --lang ja|en          メッセージ・HTML レポート・テンプレートの言語 (既定: ja)
  --out FILE.xlsx       template・draft: 書き出すファイル (フォルダは作りません。draft は
                        入力が .xlsx なら .xlsx、.xlsm なら .xlsm)
  --force               template・draft: --out のファイルが既にあっても上書きする
  --rule ID             このルールだけを実行 (繰り返し指定・カンマ区切り可。"risk/" でグループ指定)
  --skip-rule ID        このルールを実行しない (繰り返し指定・カンマ区切り可)
  -h, --help            このヘルプを表示
  -V, --version         バージョンを表示

終了コード:
  0  エラーなし (diff: 前年度からの新しいエラーなし)
  1  エラーあり (diff: 新しいエラーあり)
  2  読めない入力があった、または使い方の誤り
`;
}

/** Usage error texts, and the lines of `pmark template` and of the profile loader. */
export const M = {
  noCommand: { ja: "コマンドを指定してください (pmark check …)", en: "no command given (pmark check …)" },
  unknownCommand: (c: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `不明なコマンドです: ${q(c, l)}` : `unknown command: ${q(c, l)}`)),
  optionNotFor: (o: string, command: string): LocalisedText => ({
    ja: `${o} は pmark ${command} では使えません`,
    en: `${o} does not apply to pmark ${command}`,
  }),
  draftNoInput: { ja: "下書きするブックを指定してください (pmark draft ファイル --out OUT.xlsx)", en: "give the workbook to draft from (pmark draft FILE --out OUT.xlsx)" },
  draftOneInput: (v: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `pmark draft が読むブックは 1 つです: ${q(v, l)}` : `pmark draft reads one workbook: ${q(v, l)}`)),
  draftNoOut: { ja: "書き出す先を --out OUT.xlsx で指定してください (入力ファイルは変更しません)", en: "give the file to write with --out OUT.xlsx (the input is never changed)" },
  draftNotXlsx: (v: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `--out は .xlsx か .xlsm のファイルです: ${q(v, l)}` : `--out must be an .xlsx or .xlsm file: ${q(v, l)}`)),
  draftSameFile: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `--out が入力ファイル「${q(v, l)}」と同じです。pmark draft は入力を変更しません。別のファイル名を指定してください`
        : `--out is the input file "${q(v, l)}"; pmark draft never changes its input: give another file name`,
    ),
  draftNotOoxml: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `「${q(v, l)}」は .xlsx・.xlsm のブックではありません。pmark draft はこの 2 つの形式だけに下書きします (Excel で .xlsx として保存してください)`
        : `"${q(v, l)}" is not an .xlsx or .xlsm workbook; pmark draft only drafts into those two (save it as .xlsx in Excel)`,
    ),
  draftWrongExtension: (out: string, want: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `入力は ${want} のブックです。--out も ${want} にしてください (拡張子が違うと Excel が開けません): ${q(out, l)}`
        : `the input is an ${want} workbook, so --out must be ${want} too (Excel refuses a mismatched extension): ${q(out, l)}`,
    ),
  draftUnsupportedPackage: (v: string, detail: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `「${q(v, l)}」にシートを追加できません (${q(detail, l)})。何も書き出していません`
        : `cannot add a sheet to "${q(v, l)}" (${q(detail, l)}); nothing was written`,
    ),
  draftNothing: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `「${q(v, l)}」には下書きする局面がありません (台帳の個人情報はすべて、該当する局面のリスク分析があります)。何も書き出していません`
        : `"${q(v, l)}" has nothing to draft (every ledger item has risk analysis for each phase that applies); nothing was written`,
    ),
  draftWritten: (out: string, rows: number, items: number, sheets: readonly string[]): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `${q(out, l)} を書き出しました: ${items} 件の個人情報に ${rows} 行の下書き (シート${sheets.map((n) => `「${q(n, l)}」`).join("")}、状態「要確認(下書き)」)`
        : `wrote ${q(out, l)}: ${rows} drafted ${rows === 1 ? "row" : "rows"} for ${items} ${items === 1 ? "item" : "items"} (sheet ${sheets.map((n) => `"${q(n, l)}"`).join(", ")}, status "To review (draft)")`,
    ),
  templateNoOut: { ja: "書き出す先を --out FILE.xlsx で指定してください", en: "give the file to write with --out FILE.xlsx" },
  templateNotXlsx: (v: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `--out は .xlsx ファイルです: ${q(v, l)}` : `--out must be an .xlsx file: ${q(v, l)}`)),
  templateExtra: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `pmark template はファイルを読みません (--out で書き出し先を指定): ${q(v, l)}`
        : `pmark template reads no files (give the output with --out): ${q(v, l)}`,
    ),
  templateWritten: (file: string, profile: string, version: string, lang: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `${q(file, l)} を書き出しました (プロファイル ${q(profile, l)} ${q(version, l)}、${lang === "ja" ? "日本語" : "英語"})`
        : `wrote ${q(file, l)} (profile ${q(profile, l)} ${q(version, l)}, ${lang === "ja" ? "Japanese" : "English"})`,
    ),
  internalError: (detail: string): LocalisedText => ({
    ja: `内部エラーが起きました。お手数ですが、この行を添えて報告してください: ${detail}`,
    en: `internal error; please report it with this line: ${detail}`,
  }),
  noInputs: { ja: "検査するファイルかフォルダを指定してください", en: "no file or folder to check" },
  unknownOption: (o: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `不明なオプションです: ${q(o, l)}` : `unknown option: ${q(o, l)}`)),
  missingValue: (o: string): LocalisedText => ({ ja: `${o} に値がありません`, en: `${o} needs a value` }),
  noValueAllowed: (o: string): LocalisedText => ({ ja: `${o} は値をとりません`, en: `${o} takes no value` }),
  badExplainFormat: (v: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `--format は text か json です: ${q(v, l)}` : `--format must be text or json for explain: ${q(v, l)}`)),
  badFormat: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja" ? `--format は text・json・sarif・html のいずれかです: ${q(v, l)}` : `--format must be text, json, sarif or html: ${q(v, l)}`,
    ),
  badDiffFormat: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja" ? `pmark diff の --format は text・json・html のいずれかです: ${q(v, l)}` : `--format of pmark diff must be text, json or html: ${q(v, l)}`,
    ),
  diffInputs: (n: number): LocalisedText =>
    n < 2
      ? { ja: "比べる2つのブックを、前年度・今年度の順に指定してください (pmark diff 前年度.xlsx 今年度.xlsx)", en: "give the two workbooks to compare, last year's first (pmark diff OLD.xlsx NEW.xlsx)" }
      : { ja: `pmark diff が比べるのは2つのブックです (${n} 個指定されました)`, en: `pmark diff compares two workbooks (${n} were given)` },
  badLang: (v: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `--lang は ja か en です: ${q(v, l)}` : `--lang must be ja or en: ${q(v, l)}`)),
  badToday: (v: string): LocalisedText =>
    quoting((l) =>
      l === "ja" ? `--today は YYYY-MM-DD 形式の実在する日付です: ${q(v, l)}` : `--today must be a real date as YYYY-MM-DD: ${q(v, l)}`,
    ),
  badRule: (o: string, v: string, suggestion?: string): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `${o}: 不明なルール ID です: ${q(v, l)}${suggestion ? ` (${suggestion} のことですか?)` : ""}`
        : `${o}: unknown rule id: ${q(v, l)}${suggestion ? ` (did you mean ${suggestion}?)` : ""}`,
    ),
  emptyRule: (o: string): LocalisedText => ({ ja: `${o} のルール ID が空です`, en: `${o} has an empty rule id` }),
  unknownProfile: (v: string, ids: readonly string[]): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `不明なプロファイルです: ${q(v, l)} (組み込み: ${ids.join(", ")}。またはプロファイルの JSON ファイルを指定)`
        : `unknown profile: ${q(v, l)} (built-in: ${ids.join(", ")}; or give a profile JSON file)`,
    ),
  profileNotFound: (v: string): LocalisedText =>
    quoting((l) => (l === "ja" ? `プロファイル「${q(v, l)}」が見つかりません` : `profile "${q(v, l)}" not found`)),
  profileUnreadable: (v: string, detail: string): LocalisedText =>
    quoting((l) =>
      l === "ja" ? `プロファイル「${q(v, l)}」を読めません (${detail})` : `cannot read profile "${q(v, l)}" (${detail})`,
    ),
  profileTooLarge: (v: string, max: number): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `プロファイル「${q(v, l)}」が大きすぎます (上限 ${Math.round(max / 1024)} KB)。プロファイルの JSON ファイルを指定してください`
        : `profile "${q(v, l)}" is too large (the limit is ${Math.round(max / 1024)} KB); give a profile JSON file`,
    ),
  profileBadBytes: (v: string, line: number): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `プロファイル「${q(v, l)}」の ${line} 行目に UTF-8 としても Shift_JIS としても読めないバイトがあります。UTF-8 で保存し直してください`
        : `profile "${q(v, l)}" has bytes on line ${line} that are neither UTF-8 nor Shift_JIS; save it again as UTF-8`,
    ),
  profileNotJson: (v: string, detail: string): LocalisedText =>
    quoting((l) =>
      l === "ja" ? `プロファイル「${q(v, l)}」は JSON として読めません: ${detail}` : `profile "${q(v, l)}" is not valid JSON: ${detail}`,
    ),
  profileInvalid: (v: string, issues: LocalisedText, more: number): LocalisedText =>
    quoting((l) =>
      l === "ja"
        ? `プロファイル「${q(v, l)}」が不正です: ${issues.ja}${more > 0 ? ` (ほか ${more} 件)` : ""}`
        : `profile "${q(v, l)}" is invalid: ${issues.en}${more > 0 ? ` (and ${more} more)` : ""}`,
    ),
} as const;
