import type { Lang } from "@pmark/core";
import type { Translate } from "./messages";

/** What a thrown value says to the user: a bridge's bilingual text, else its message. */
export function errorText(error: unknown, lang: Lang, t: Translate): string {
  const e = error as { text?: { ja?: unknown; en?: unknown }; message?: unknown } | null;
  const own = e?.text?.[lang];
  if (typeof own === "string" && own !== "") return own;
  const message = typeof e?.message === "string" ? e.message : String(error);
  return t("errorGeneric", { message });
}
