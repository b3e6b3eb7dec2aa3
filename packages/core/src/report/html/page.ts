import type { Lang } from "../../i18n/text";
import { cssString, html } from "./escape";
import { REPORT_CSS } from "./styles";

/** What every report page states about itself: language, check date, profile and the tool that made it. */
export interface HtmlReportMeta {
  lang: Lang;
  /** The check date, YYYY-MM-DD. */
  checkDate: string;
  profile: { id: string; version: string };
  /** E.g. "pmark 0.1.0". */
  generator: string;
}

/** Collects the page in parts and hands it on in blocks of about 64 KB, so no report is one huge string. */
export class HtmlWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: (chunk: string) => void) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65_536) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

/**
 * A print header for a named page: `@page NAME` with the workbook's name top left and the check
 * date and profile top right, page numbers bottom right. Every text is a CSS string (escaped).
 */
export function pageRule(name: string, left: string, right: string, lang: Lang): string {
  const pageWord = lang === "ja" ? `" / "` : `" of "`;
  return (
    `@page ${name} {` +
    ` @top-left { content: ${cssString(left)}; font-size: 8pt; color: #595959; }` +
    ` @top-right { content: ${cssString(right)}; font-size: 8pt; color: #595959; }` +
    ` @bottom-right { content: counter(page) ${pageWord} counter(pages); font-size: 8pt; color: #595959; }` +
    ` }`
  );
}

/** The right-hand running header: 検査日 2025-06-30 ・ プロファイル jisq15001 1.0.0. */
export function headerRight(meta: HtmlReportMeta): string {
  return meta.lang === "ja"
    ? `検査日 ${meta.checkDate} ・ プロファイル ${meta.profile.id} ${meta.profile.version}`
    : `Checked ${meta.checkDate} · profile ${meta.profile.id} ${meta.profile.version}`;
}

/**
 * The document head: charset, a Content-Security-Policy that allows no script, no connection and
 * no outside resource (styles inline, pictures as inline SVG), no referrer, an empty icon so the
 * browser asks for none, and the stylesheet with the print headers.
 */
export function openPage(out: HtmlWriter, title: string, pageRules: readonly string[], meta: HtmlReportMeta): void {
  out.write(
    `<!DOCTYPE html>\n<html lang="${meta.lang}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">\n` +
      `<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<meta name="generator" content="${html(meta.generator)}">\n<link rel="icon" href="data:,">\n<title>${html(title, 300, meta.lang)}</title>\n` +
      `<style>${REPORT_CSS}\n`,
  );
  for (const rule of pageRules) out.write(`${rule}\n`);
  out.write(`</style>\n</head>\n<body>\n<main>\n`);
}

export function closePage(out: HtmlWriter): void {
  out.write(`</main>\n</body>\n</html>\n`);
  out.flush();
}

/** A definition list of the page's facts (workbook, check date, profile…). */
export function metaList(entries: readonly [string, string][]): string {
  return `<dl class="meta">${entries.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`;
}
