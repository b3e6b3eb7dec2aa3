import { nfkc } from "../../glossary/normalise";
import { textMemo } from "../../memo";
import { hasMeasure } from "../../model/assess";
import { defineRule } from "../define";

/** Verbs that promise care without saying what is done: 注意する, 徹底する, 気をつける. */
const VAGUE_VERB = /(?:注意|留意|徹底|気をつけ|気を付け|心がけ|心掛け|意識|努め|努力|用心)/;

/**
 * Words naming a control someone could check: a lock, encryption, a log, a rule, a record...
 * A measure that names one is concrete however short (「施錠」「暗号化」).
 */
const CONCRETE =
  /施錠|鍵|金庫|キャビネット|保管庫|暗号|パスワード|認証|アクセス制御|アクセス権|権限|制限|限定|禁止|ログ|記録|台帳|承認|照合|確認表|チェックリスト|ダブルチェック|二重|二人|2名|複数人|規程|規定|手順|マニュアル|ルール|教育|研修|訓練|監査|点検|監視|バックアップ|ウイルス|ウィルス|ファイアウォール|waf|vpn|ssl|tls|mdm|更新|パッチ|シュレッダ|溶解|裁断|消去|抹消|破砕|証明書|覚書|契約|誓約|評価|書留|追跡|封緘|封筒|親展|手渡し|立会|分離|廃棄|削除|マスキング|匿名化|仮名化|入退室|カード|監視カメラ|ダブルオプトイン/i;

/** At most this many characters says nothing checkable unless it names a control. */
const SHORT = 4;

export const isVagueMeasure = textMemo("vague", (text: string): boolean => {
  const t = nfkc(text).replace(/[\s。、,.・!！]+/g, "");
  if (t === "" || CONCRETE.test(t)) return false;
  return [...t].length <= SHORT || VAGUE_VERB.test(t);
});

export const riskVagueMeasure = defineRule({
  meta: {
    id: "risk/vague-measure",
    area: "risk",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.3.1.4" },
    description: {
      ja: "何をするのか確認できない対策(「注意する」「徹底する」「気をつける」、ごく短い記述)。",
      en: "A measure that says nothing checkable (「注意する」「徹底する」「気をつける」, a few characters).",
    },
    messages: {
      vague: {
        ja: "この対策は具体的な内容(誰が・何を・どのように: 施錠保管、暗号化、アクセス権の限定、ダブルチェックなど)が分かりません。実施を確認できる書き方にしてください(構築・運用指針 J.3.1.4)。",
        en: "This measure does not say what is done (who does what, how: locked storage, encryption, restricted access, a second check...): write it so that it can be checked (guideline J.3.1.4).",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.riskEntries) {
      if (!hasMeasure(entry) || !isVagueMeasure(entry.measure.text)) continue;
      ctx.report("vague", { sheet: entry.sheet.name, row: entry.row, col: entry.measure.col });
    }
  },
});
