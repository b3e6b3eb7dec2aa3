import type { Lang, LocalisedText, MessageData } from "@pmark/core";
import { interpolate } from "@pmark/core";

/**
 * The add-on's own texts (menu, sidebar title, toasts, limits). Findings carry their own
 * ja/en messages from core; the sidebar's texts belong to the shared UI.
 */
const en = {
  menuOpen: "Open P-mark checker",
  menuCheckAndHighlight: "Check and highlight findings",
  menuClearHighlights: "Clear highlights",
  menuWriteReport: "Write findings report sheet",
  menuInsertTemplate: "Insert template sheets",
  sidebarTitle: "P-mark checker",
  toastTitle: "P-mark checker",
  checked: "{{errors}} errors, {{warnings}} warnings, {{infos}} notes; {{cells}} cells highlighted.",
  cleared: "Highlights cleared: {{cells}} cells restored.",
  reportWritten: "Findings report written to the sheet 「{{sheet}}」.",
  templateInserted: "Template sheets inserted: {{sheets}}.",
  templateComplete: "The spreadsheet already has every template sheet; nothing was added.",
  partialSize:
    "The workbook is too large to check in one go within Apps Script's 6-minute limit ({{cells}} cells). Checked: {{checked}}. Not checked: {{skipped}}. Findings that compare with the unchecked sheets (for example a ledger item's risk analysis) are not shown. “Check the remaining sheets” in the sidebar reads the rest.",
  partialTime:
    "Reading stopped before Apps Script's 6-minute limit. Checked: {{checked}}. Not checked: {{skipped}}. Findings that compare with the unchecked sheets are not shown. “Check the remaining sheets” in the sidebar reads the rest.",
  none: "(none)",
  sheetMissing: "The sheet 「{{sheet}}」 no longer exists.",
  invalidCell: "「{{cell}}」 is not a cell address.",
  tooManyHighlights:
    "Too many cells to highlight ({{cells}}): the add-on could not remember their own fills to restore them. Write a findings report sheet instead.",
  writeFailed: "Could not write to the sheet 「{{sheet}}」: {{reason}}",
} as const;

type Key = keyof typeof en;

const ja: Record<Key, string> = {
  menuOpen: "Pマークチェッカーを開く",
  menuCheckAndHighlight: "チェックして指摘セルを色付け",
  menuClearHighlights: "色付けを解除",
  menuWriteReport: "指摘一覧シートを作成",
  menuInsertTemplate: "テンプレートシートを挿入",
  sidebarTitle: "Pマークチェッカー",
  toastTitle: "Pマークチェッカー",
  checked: "エラー {{errors}} 件、警告 {{warnings}} 件、情報 {{infos}} 件。{{cells}} セルを色付けしました。",
  cleared: "色付けを解除しました（{{cells}} セルを元に戻しました）。",
  reportWritten: "指摘一覧をシート「{{sheet}}」に書き出しました。",
  templateInserted: "テンプレートシートを挿入しました: {{sheets}}",
  templateComplete: "テンプレートのシートはすべてそろっているため、追加しませんでした。",
  partialSize:
    "ブックが大きいため、Apps Script の実行時間上限（6分）内に一度ではチェックできません（{{cells}} セル）。チェック済み: {{checked}}。未チェック: {{skipped}}。未チェックのシートとの照合が必要な指摘（台帳の項目に対するリスク分析など）は表示していません。サイドバーの「残りのシートもチェックする」で続きを読み込めます。",
  partialTime:
    "Apps Script の実行時間上限（6分）に近づいたため、読み込みを途中で止めました。チェック済み: {{checked}}。未チェック: {{skipped}}。未チェックのシートとの照合が必要な指摘は表示していません。サイドバーの「残りのシートもチェックする」で続きを読み込めます。",
  none: "（なし）",
  sheetMissing: "シート「{{sheet}}」が見つかりません。",
  invalidCell: "「{{cell}}」はセル番地ではありません。",
  tooManyHighlights:
    "色付けするセルが多すぎます（{{cells}} セル）。元の塗りつぶしを記録して戻せないため、色付けしませんでした。代わりに指摘一覧シートを作成してください。",
  writeFailed: "シート「{{sheet}}」に書き込めませんでした: {{reason}}",
};

export const MESSAGES: Record<Lang, Record<Key, string>> = { en, ja };
export type MessageKey = Key;

export function text(lang: Lang, key: Key, data?: MessageData): string {
  return interpolate(MESSAGES[lang][key], data);
}

export function both(key: Key, data?: MessageData): LocalisedText {
  return { ja: text("ja", key, data), en: text("en", key, data) };
}

/** Apps Script locales look like "ja", "ja_JP" or "en_US"; anything not Japanese is English. */
export function langOf(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^ja(\b|_|-|$)/i.test(locale.trim()) ? "ja" : "en";
}
