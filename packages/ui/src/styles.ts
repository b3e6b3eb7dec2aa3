import css from "./styles.css";

const STYLE_ID = "pmark-ui-styles";

/** Adds the UI's stylesheet once per document (as text: no network request, no markup). */
export function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = css;
  doc.head.appendChild(style);
}
