import type { Lang, SheetGrid } from "@pmark/core";
import { createMemoryBridge, mountApp, sampleWorkbook, type HostBridge, type HostTheme, type MemoryBridge } from "@pmark/ui";
import { createExcelBridge, languageOf, officeEnv } from "./excel-bridge";

/**
 * The task pane page: wires the shared UI to a bridge and does nothing else. Inside Excel the
 * Office.js bridge; anywhere else (a plain browser, office.js unreachable) the preview mode:
 * the in-memory bridge over a small built-in sample workbook.
 */

declare global {
  interface Window {
    /** Preview mode only: the in-memory workbook, for demos that load their own sheets. */
    pmarkPreview?: { bridge: MemoryBridge; load(grids: SheetGrid[]): void };
  }
}

function start(bridge: HostBridge): void {
  const host = document.getElementById("app");
  if (!host) return;
  document.documentElement.lang = bridge.language();
  mountApp(host, bridge);
  performance.mark("pmark-rendered");
}

function previewLanguage(): Lang {
  const asked = new URLSearchParams(location.search).get("lang");
  return asked === "ja" || asked === "en" ? asked : languageOf(navigator.language);
}

/** ?theme=dark|light shows the pane as under Office's dark or light theme (demos and tests). */
function previewTheme(): HostTheme | undefined {
  const asked = new URLSearchParams(location.search).get("theme");
  return asked === "dark" || asked === "light" ? { dark: asked === "dark" } : undefined;
}

function startPreview(): void {
  const theme = previewTheme();
  const bridge = createMemoryBridge(sampleWorkbook(), { language: previewLanguage(), ...(theme ? { theme } : {}) });
  window.pmarkPreview = { bridge, load: (grids) => bridge.load(grids) };
  start(bridge);
}

let started = false;
function once(fn: () => void): void {
  if (started) return;
  started = true;
  fn();
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  // Outside Office, onReady reports no host; if office.js never answers, preview after a while.
  const fallback = setTimeout(() => once(startPreview), 4000);
  void office.onReady((info) => {
    clearTimeout(fallback);
    const inExcel = String(info.host) === "Excel" && typeof (globalThis as { Excel?: unknown }).Excel !== "undefined";
    once(inExcel ? () => start(createExcelBridge(officeEnv())) : startPreview);
  });
} else {
  once(startPreview);
}
