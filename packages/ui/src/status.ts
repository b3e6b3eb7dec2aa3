import { el } from "./dom";
import type { Translate } from "./messages";

/**
 * A status line that belongs to one place of the pane (the check toolbar, an action row, the
 * finding being looked at), so what an action says appears next to it and stays there: a polite
 * live region for progress and results, an alert for failures, and while busy a spinner with an
 * optional stop button.
 */
export interface StatusLine {
  readonly element: HTMLElement;
  say(text: string, tone?: "info" | "success"): void;
  fail(text: string): void;
  busy(text: string, onStop?: () => void): void;
  clear(): void;
  /** Scrolls the line into view (after a click far down a long list). */
  reveal(): void;
}

export function statusLine(doc: Document, t: Translate, id: string): StatusLine {
  const spinner = el(doc, "span", { class: "pm-spinner", "aria-hidden": "true", hidden: true });
  const text = el(doc, "span", { class: "pm-status-text" });
  const stop = el(doc, "button", { type: "button", class: "pm-link pm-stop", id: `${id}-stop`, hidden: true }, t("cancelCheck"));
  const live = el(doc, "p", { class: "pm-status", role: "status", "aria-live": "polite", id }, spinner, text);
  const errorText = el(doc, "span", { class: "pm-alert-text" });
  const dismiss = el(doc, "button", { type: "button", class: "pm-link pm-dismiss" }, t("dismiss"));
  const alert = el(doc, "div", { class: "pm-alert", role: "alert", id: `${id}-alert` });
  const alertBody = el(doc, "div", { class: "pm-alert-body", hidden: true }, el(doc, "strong", undefined, t("errorTitle")), " ", errorText, " ", dismiss);
  alert.appendChild(alertBody);
  const element = el(doc, "div", { class: "pm-status-line" }, live, stop, alert);
  let onStop: (() => void) | null = null;
  stop.addEventListener("click", () => onStop?.());
  const hideAlert = () => {
    alertBody.hidden = true;
    errorText.textContent = "";
  };
  dismiss.addEventListener("click", hideAlert);
  const idle = () => {
    spinner.hidden = true;
    stop.hidden = true;
    onStop = null;
    live.removeAttribute("aria-busy");
  };
  return {
    element,
    say(message, tone = "info") {
      idle();
      hideAlert();
      text.textContent = message;
      live.setAttribute("data-tone", tone);
    },
    fail(message) {
      idle();
      text.textContent = "";
      errorText.textContent = message;
      alertBody.hidden = false;
    },
    busy(message, stopWith) {
      hideAlert();
      spinner.hidden = false;
      text.textContent = message;
      live.setAttribute("aria-busy", "true");
      live.setAttribute("data-tone", "info");
      onStop = stopWith ?? null;
      stop.hidden = !stopWith;
    },
    clear() {
      idle();
      hideAlert();
      text.textContent = "";
    },
    reveal() {
      element.scrollIntoView?.({ block: "nearest" });
    },
  };
}
