import type { HostTheme } from "./bridge";

/**
 * Light or dark: the host's theme when it tells one (Office's body colours), else the
 * browser's `prefers-color-scheme`, followed while the pane is open. The attribute alone picks
 * the stylesheet's colours, so they are written once. High contrast needs nothing here: under
 * `forced-colors` the stylesheet hands every colour to the system.
 */
export function applyTheme(root: HTMLElement, theme: HostTheme | null): void {
  if (theme) {
    root.setAttribute("data-theme", theme.dark ? "dark" : "light");
    return;
  }
  const query = root.ownerDocument.defaultView?.matchMedia?.("(prefers-color-scheme: dark)");
  if (!query) return;
  const follow = (): void => root.setAttribute("data-theme", query.matches ? "dark" : "light");
  follow();
  query.addEventListener("change", follow);
}

/** Whether a CSS colour (#rgb or #rrggbb) is dark: relative luminance under the midpoint. */
export function isDarkColour(colour: string | undefined | null): boolean | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((colour ?? "").trim());
  if (!m) return null;
  const hex = (m[1] as string).length === 3 ? [...(m[1] as string)].map((c) => c + c).join("") : (m[1] as string);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}
