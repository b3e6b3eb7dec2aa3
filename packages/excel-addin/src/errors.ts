import { BridgeError, CheckCancelled } from "@pmark/ui";

/**
 * `withExcel(fn)`: the one place that calls `Excel.run`, and the one place that turns Office
 * errors into messages a user can act on (both languages). A BridgeError thrown by the adapter
 * passes through unchanged.
 */

type Run = <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const MESSAGES: Record<string, { ja: string; en: string }> = {
  AccessDenied: {
    ja: "シートが保護されているか、ブックが読み取り専用のため書き込めません。保護を解除してから実行してください。",
    en: "The sheet is protected or the workbook is read-only, so the add-in cannot write. Unprotect it and try again.",
  },
  InvalidOperationInCellEditMode: {
    ja: "Excel がセルの編集中です。Enter か Esc で編集を終えてから、もう一度実行してください。",
    en: "Excel is editing a cell. Press Enter or Esc to finish, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    ja: "一度に送るデータが Excel の上限を超えました。シートを分けるか、コマンドライン版 pmark でチェックしてください。",
    en: "The data exceeded Excel's per-request limit. Split the sheet, or check the file with the pmark command line.",
  },
  ItemNotFound: {
    ja: "シートまたはセルが見つかりません(名前の変更や削除?)。もう一度チェックしてください。",
    en: "A sheet or cell was not found (renamed or deleted?). Run the check again.",
  },
  ItemAlreadyExists: {
    ja: "同じ名前のシートが既にあります。もう一度実行してください。",
    en: "A sheet with that name already exists. Try again.",
  },
  MergedCells: {
    ja: "結合セルの一部には書き込めません。見出しの結合を解除してから実行してください。",
    en: "Part of a merged cell cannot be changed. Unmerge the header cells and try again.",
  },
};
MESSAGES.ResponsePayloadSizeLimitExceeded = MESSAGES.RequestPayloadSizeLimitExceeded as { ja: string; en: string };

/** An Office error (or anything thrown) as a BridgeError with a message for the user. */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const e = error as { code?: unknown; message?: unknown; text?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : String(error);
  if (/merge/i.test(message)) return new BridgeError("merged-cells", MESSAGES.MergedCells as { ja: string; en: string });
  const known = MESSAGES[code];
  if (known) return new BridgeError(code, known);
  return new BridgeError(code || "unknown", {
    ja: `Excel でエラーが発生しました(${code || "不明"}): ${message}`,
    en: `Excel reported an error (${code || "unknown"}): ${message}`,
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` in one Excel.run batch context. A cell being edited blocks every API call: wait and
 * retry once, then tell the user. Errors leave as BridgeErrors.
 */
export async function withExcel<T>(run: Run, fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      // `return await`, so that a rejection is caught here and not by the caller.
      return await run(fn);
    } catch (error) {
      // A check the user stopped is not an error to explain.
      if (error instanceof CheckCancelled) throw error;
      const code = (error as { code?: unknown } | null)?.code;
      if (code === "InvalidOperationInCellEditMode" && attempt === 0) {
        await wait(800);
        continue;
      }
      throw toBridgeError(error);
    }
  }
}
