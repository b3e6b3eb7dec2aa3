/** Japanese and English, the two languages every user-facing text carries. */
export type Lang = "ja" | "en";

export interface LocalisedText {
  ja: string;
  en: string;
}

export type MessageData = Readonly<Record<string, string | number>>;

/** Fills `{{name}}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function interpolate(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, key: string) => {
    const v = data[key];
    return v === undefined ? whole : String(v);
  });
}

export function localise(text: LocalisedText, data?: MessageData): LocalisedText {
  return { ja: interpolate(text.ja, data), en: interpolate(text.en, data) };
}

/** Placeholder names used in a template, for the ja/en parity test. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) if (m[1]) names.add(m[1]);
  return [...names].sort();
}
