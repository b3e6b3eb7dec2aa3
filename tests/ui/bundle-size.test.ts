import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane } from "./browser";

/**
 * The task pane bundle: a gzip ceiling (raise it in the same commit when growth is intended,
 * and say why) and what must never be in it — markup sinks, dynamic code, network calls, Node.
 */

// The pane and the ribbon's function file both bundle core; the dialog is a few lines.
// Issue 19 added the risk library (about 9 KB gzipped of ja/en text) and drafting (about 7 KB).
const CEILING_GZIP = { taskpane: 180_000, commands: 160_000, dialog: 2_000 };
const MUST_NOT_APPEAR = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "new Function", "eval(", "fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "node:fs", "exceljs", "hyperformula"];

describe("Excel add-in bundles", () => {
  let dist = "";
  beforeAll(() => {
    dist = buildPane();
  });
  afterAll(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** The built script of a page, under its content-hashed name (taskpane.3F2A1B9C.js). */
  const script = (name: string) => {
    const file = readdirSync(dist).find((f) => new RegExp(`^${name}\\.[A-Z0-9]{8}\\.js$`).test(f));
    if (!file) throw new Error(`no ${name}.<hash>.js in the build`);
    return file;
  };

  for (const [name, ceiling] of Object.entries(CEILING_GZIP)) {
    it(`${name}.<hash>.js stays under ${ceiling} bytes gzipped`, () => {
      const file = script(name);
      const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
      expect(size, `${file} is ${size} bytes gzipped; raise CEILING_GZIP in this test if the growth is intended`).toBeLessThanOrEqual(ceiling);
    });
    it(`${name}.<hash>.js has no markup sinks, dynamic code, network calls or Node modules`, () => {
      const text = readFileSync(join(dist, script(name)), "utf8");
      expect(MUST_NOT_APPEAR.filter((s) => text.includes(s))).toEqual([]);
    });
  }

  it("the pages load only office.js from Microsoft's CDN and their own script", () => {
    for (const page of ["taskpane", "commands", "dialog"]) {
      const html = readFileSync(join(dist, `${page}.html`), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", script(page)]);
      expect(html).not.toMatch(/<link[^>]+href="https?:/);
      expect(html).toContain("Content-Security-Policy");
    }
  });
});
