import type { WorkbookSettings } from "@pmark/core";
import { CheckCancelled, type CheckResult, type HostBridge } from "./bridge";
import type { PaneContext, View } from "./context";
import { el, replaceChildren } from "./dom";
import { errorText } from "./errors";
import { translator } from "./messages";
import { statusLine } from "./status";
import { injectStyles } from "./styles";
import { tabs } from "./tabs";
import { applyTheme } from "./theme";
import { actionsView } from "./views/actions";
import { findingsView } from "./views/findings";
import { heatView } from "./views/heat";
import { overviewView } from "./views/overview";
import { readingView } from "./views/reading";

/**
 * The task pane / sidebar: a header, the views as WAI-ARIA tabs (findings, overview, risk map,
 * actions), each with its own status line next to what it does. One UI for every host; all
 * host calls go through the bridge, all text is set as text.
 */

export interface MountOptions {
  /** Debounce of re-check on change, in ms (default 500). */
  debounceMs?: number;
  /** Findings drawn at first (more on request), to keep huge reports responsive (default 200). */
  pageSize?: number;
  /** Run a check as soon as the UI is up (default false). */
  checkOnStart?: boolean;
}

export interface MountedApp {
  check(): Promise<void>;
  destroy(): void;
}

/** The bridge's promise, or a rejection as soon as the signal aborts (the host's work is then ignored). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CheckCancelled());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

export function mountApp(host: HTMLElement, bridge: HostBridge, options: MountOptions = {}): MountedApp {
  const doc = host.ownerDocument;
  injectStyles(doc);
  const lang = bridge.language();
  const t = translator(lang);
  const listeners = { report: [] as (() => void)[], settings: [] as (() => void)[], busy: [] as (() => void)[] };
  const emit = (event: keyof typeof listeners) => {
    for (const l of listeners[event]) l();
  };

  let report: CheckResult | null = null;
  let settings: WorkbookSettings = {};
  let asOf = "";
  let busyCount = 0;
  let checking: AbortController | null = null;
  let showView: (id: string) => void = () => undefined;
  const checkStatus = statusLine(doc, t, "pm-check-status");

  const whileBusy = async <T>(work: () => Promise<T>): Promise<T> => {
    busyCount++;
    emit("busy");
    try {
      return await work();
    } finally {
      busyCount--;
      emit("busy");
    }
  };

  const ctx: PaneContext = {
    doc,
    bridge,
    lang,
    t,
    checkStatus,
    report: () => report,
    settings: () => settings,
    asOf: () => asOf,
    setAsOf(date) {
      asOf = date;
      emit("settings");
    },
    async saveSettings(next) {
      await bridge.saveSettings(next);
      settings = next;
      emit("settings");
    },
    async runCheck(request = {}) {
      if (checking || busyCount > 0) return;
      const controller = new AbortController();
      checking = controller;
      checkStatus.busy(t("checking"), () => controller.abort());
      try {
        const result = await whileBusy(() =>
          untilAborted(
            bridge.check(
              { ...(asOf ? { today: asOf } : {}), ...(request.complete ? { complete: true } : {}) },
              {
                signal: controller.signal,
                onProgress: (p) => {
                  if (!controller.signal.aborted) checkStatus.busy(t("checkingProgress", p), () => controller.abort());
                },
              },
            ),
            controller.signal,
          ),
        );
        report = result;
        emit("report");
        const s = result.summary;
        checkStatus.say(t("checkedAt", { sheets: result.sheets.length, errors: s.errors, warnings: s.warnings, infos: s.infos }), "success");
      } catch (e) {
        if (e instanceof CheckCancelled || controller.signal.aborted) checkStatus.say(t("checkCancelled"));
        else checkStatus.fail(errorText(e, lang, t));
      } finally {
        checking = null;
      }
    },
    busy: () => busyCount > 0,
    whileBusy,
    on(event, listener) {
      listeners[event].push(listener);
    },
    showView: (id) => showView(id),
  };

  const views: View[] = [findingsView(ctx, { pageSize: options.pageSize ?? 200, debounceMs: options.debounceMs ?? 500 }), overviewView(ctx), heatView(ctx), readingView(ctx), actionsView(ctx)];
  const tabList = tabs(
    doc,
    t("viewsLabel"),
    views.map((v) => ({ id: v.id, label: v.label, panel: v.panel })),
  );
  showView = (id) => tabList.select(id);

  const root = el(
    doc,
    "div",
    { class: "pm-app", "data-host": bridge.host, lang },
    el(
      doc,
      "header",
      { class: "pm-header" },
      el(doc, "h1", undefined, t("appTitle")),
      bridge.host === "preview" ? el(doc, "span", { class: "pm-badge" }, t("previewBadge")) : null,
    ),
    bridge.host === "preview" ? el(doc, "p", { class: "pm-muted pm-preview-note" }, t("previewNote")) : null,
    tabList.list,
    el(doc, "main", { class: "pm-views" }, ...views.map((v) => v.panel)),
  );
  applyTheme(root, bridge.theme?.() ?? null);
  replaceChildren(host, root);

  void bridge.settings().then(
    (s) => {
      settings = s;
      emit("settings");
    },
    () => undefined,
  );

  root.setAttribute("data-ready", "true");
  if (options.checkOnStart) void ctx.runCheck();

  return {
    check: () => ctx.runCheck(),
    destroy() {
      checking?.abort();
      for (const list of Object.values(listeners)) list.length = 0;
      replaceChildren(host);
    },
  };
}
