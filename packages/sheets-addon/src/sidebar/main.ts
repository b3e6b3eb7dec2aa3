/// <reference lib="dom" />
import type { Lang } from "@pmark/core";
import { mountApp } from "@pmark/ui";
import type { SidebarContext } from "../contract";
import { callServer, sheetsBridge, type GoogleGlobal } from "./bridge";

/**
 * The sidebar page's script: ask the server for the user's language, then draw the shared UI
 * over the google.script.run bridge (notices of a check cut short included).
 */

function browserLang(): Lang {
  return /^ja\b/i.test(navigator.language || "") ? "ja" : "en";
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
  mountApp(host, sheetsBridge(google.script.run, lang));
}

void start();
