/// <reference lib="dom" />
import type { Lang } from "@pmark/core";
import { mountApp } from "@pmark/ui";
import type { SidebarContext } from "../contract";
import { callServer, sheetsBridge, type GoogleGlobal, type SheetsBridge } from "./bridge";

/**
 * The sidebar page's script: ask the server for the user's language, then draw the shared UI
 * over the google.script.run bridge. A notice (a check cut short by Apps Script's time limit)
 * is shown above the UI as plain text.
 */

function browserLang(): Lang {
  return /^ja\b/i.test(navigator.language || "") ? "ja" : "en";
}

function showNotice(bridge: SheetsBridge, lang: Lang, host: HTMLElement): void {
  const box = document.createElement("div");
  box.className = "pm-notice pmark-notice"; // the shared UI's notice style
  box.setAttribute("role", "status");
  box.hidden = true;
  host.before(box);
  bridge.onNotice((notice) => {
    box.hidden = notice === null;
    box.textContent = notice ? notice.message[lang] : "";
  });
}

async function start(): Promise<void> {
  const google = (globalThis as unknown as { google: GoogleGlobal }).google;
  const host = document.getElementById("app");
  if (!host) return;
  let lang = browserLang();
  try {
    const ctx: SidebarContext = await callServer(google.script.run, "pmarkSidebarContext");
    lang = ctx.lang;
  } catch {
    // keep the browser's language
  }
  document.documentElement.lang = lang;
  const bridge = sheetsBridge(google.script.run, lang);
  showNotice(bridge, lang, host);
  mountApp(host, bridge);
}

void start();
