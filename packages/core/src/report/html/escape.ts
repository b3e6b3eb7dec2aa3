/**
 * Text from a workbook, a file name or a profile, made safe for an HTML page: nothing in it can
 * become markup, an attribute, a script or a style rule, and nothing in it can hide or reorder
 * what the page shows. Markup characters become entities; control characters, bidi overrides
 * and invisible format characters are shown as visible escapes (`\x1b`, `\u202e`), as the text
 * report shows them; a text over `max` characters is cut with a marker saying how much was left.
 */

/**
 * C0 and C1 controls (tab, line feed and carriage return excepted), DEL, soft hyphen, combining
 * grapheme joiner, Arabic letter mark, Hangul fillers, Mongolian vowel separator, zero-width
 * space, LRM/RLM, line and paragraph separators, bidi embeddings, overrides and isolates, word
 * joiner and invisible operators, BOM, interlinear annotation marks, and lone surrogates.
 */
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\u034f|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function visibleEscape(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 0x80 ? `\\x${c.toString(16).padStart(2, "0")}` : `\\u${c.toString(16).padStart(4, "0")}`;
}

/** Hidden characters shown as escapes; markup left as it is (see `html` for the page). */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, visibleEscape);
}

/** `text` cut after `max` code points, with a marker naming how many were left out. */
export function cut(text: string, max: number, lang: "ja" | "en"): string {
  if (text.length <= max) return text;
  let i = 0;
  for (let n = 0; n < max && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  if (i >= text.length) return text;
  let left = 0;
  for (let k = i; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) k++;
    left++;
  }
  const n = left.toLocaleString("en-US");
  return `${text.slice(0, i)}${lang === "ja" ? `…(以下 ${n} 文字省略)` : `…(${n} more characters)`}`;
}

/** Escapes markup in a text that is already visible (no hidden characters left). */
export function escapeMarkup(text: string): string {
  // A character the table lacks still leaves as a numeric reference, never as markup.
  return text.replace(/[&<>"']/g, (ch) => NAMED[ch] ?? `&#${ch.charCodeAt(0)};`);
}

/** A text for an element's content or an attribute value: hidden characters shown, markup escaped, cut at `max`. */
export function html(text: string, max = 2000, lang: "ja" | "en" = "ja"): string {
  return escapeMarkup(visibleText(cut(text, max, lang)));
}

/**
 * A text inside a CSS string (`content: "…"` of a print header): hidden characters shown, the
 * quote, the backslash and everything that could close the style element escaped as CSS hex.
 */
export function cssString(text: string): string {
  const safe = visibleText(text).replace(/[\\"<>&\u0000-\u001f\u007f]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `);
  return `"${safe}"`;
}

/** A short label for a picture: cut after `max` code points with "…", escaped (the full text is in the table beside it). */
export function label(text: string, max: number): string {
  const chars = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  const shortText = chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
  return escapeMarkup(visibleText(shortText));
}
