import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { OFFICE_STUB, serve } from "../../scripts/pane-server.mjs";

export { OFFICE_STUB, serve };

/**
 * Browser-test plumbing: build the task pane with scripts/build.mjs into a temporary folder,
 * serve it from 127.0.0.1, and drive Debian's headless Chromium with playwright-core. office.js
 * is answered by a local stub (as outside Office: no host), every other request that leaves
 * the page's origin is blocked and recorded.
 */

export const ROOT = join(__dirname, "..", "..");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export function buildPane(): string {
  const out = mkdtempSync(join(tmpdir(), "pmark-pane-"));
  const res = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "excel"], { cwd: ROOT, env: { ...process.env, PMARK_EXCEL_OUTDIR: out }, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`build failed: ${res.stderr}`);
  return out;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Requests that would have left the page's origin (blocked), office.js excepted (stubbed). */
  offOrigin: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openSession(origin: string): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), "pmark-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const requests: string[] = [];
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
    if (new URL(url).origin === origin) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  return {
    context,
    page,
    requests,
    offOrigin,
    pageErrors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const WIDTHS = [350, 300] as const;
export const LANGS = ["ja", "en"] as const;
/** Every width and language the pane and the sidebar are tested at. */
export const LAYOUTS = WIDTHS.flatMap((width) => LANGS.map((lang) => ({ width, lang })));

const AXE_SOURCE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

export interface AxeIssue {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA and
 * best practices). axe is evaluated through the DevTools protocol, which the page's CSP does
 * not govern: the page itself stays under its own policy.
 */
export async function axeViolations(page: Page): Promise<AxeIssue[]> {
  // Loaded once per page load.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Presses Tab (from the top of the page) until focus comes back round, and returns what got
 * focus on the way: the element's id, or its tag and text.
 */
export async function tabWalk(page: Page, max = 120): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Clicking the heading moves the sequential focus starting point to the top of the page.
  await page.click("h1");
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const here = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return "";
      return e.id || `${e.tagName.toLowerCase()}:${(e.textContent ?? "").trim().slice(0, 30)}`;
    });
    if (here === "" || seen.includes(here)) break;
    seen.push(here);
  }
  return seen;
}

/**
 * The pane built and served for one test file with one browser session on it, opened before its
 * tests and closed after them. Read it inside tests: it is open only then.
 */
export function servedPane(): Pick<Session, "page" | "requests" | "offOrigin" | "pageErrors"> & { readonly origin: string } {
  let dist = "";
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    dist = buildPane();
    server = await serve(dist);
    session = await openSession(server.origin);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  const open = (): Session => {
    if (!session) throw new Error("the pane's browser session is open only while the file's tests run");
    return session;
  };
  return {
    get page() {
      return open().page;
    },
    get requests() {
      return open().requests;
    },
    get offOrigin() {
      return open().offOrigin;
    },
    get pageErrors() {
      return open().pageErrors;
    },
    get origin() {
      if (!server) throw new Error("the pane is served only while the file's tests run");
      return server.origin;
    },
  };
}
