// The Excel add-in's deployable folder (packages/excel-addin/dist, or $PMARK_EXCEL_OUTDIR):
// taskpane.html, commands.html, dialog.html and help.html under their own names, the scripts and
// icons under content-hashed names (a new build is never served from a stale cache), and
// manifest.xml written for the origin the folder will be served from (--base-url).
// One self-contained script per page (the shared UI, core and the stylesheet bundled in);
// office.js stays on Microsoft's CDN, as Office requires.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { checkExcelDist } from "./check-excel-dist.mjs";

/** Where `npm run dev:excel` serves the add-in, and what manifests/manifest.xml is written for. */
export const DEV_BASE_URL = "https://localhost:3000/";
const PAGES = ["taskpane.html", "commands.html", "dialog.html", "help.html"];
const SCRIPTS = ["taskpane", "commands", "dialog"];

/** A deployable base URL: https, no query or fragment, ending in "/". Throws a message for the user. */
export function normaliseBaseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--base-url: "${text}" is not a URL (expected e.g. https://addins.example.co.jp/pmark/)`);
  }
  if (url.protocol !== "https:") throw new Error(`--base-url: Office loads add-ins over https only; got ${url.protocol}//`);
  if (url.search || url.hash || url.username || url.password) throw new Error("--base-url: no query, fragment or credentials, only https://host/path/");
  return url.pathname.endsWith("/") ? url.href : `${url.href}/`;
}

const hash8 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 8);

export async function buildExcel(root, outdir = process.env.PMARK_EXCEL_OUTDIR || join(root, "packages/excel-addin/dist"), options = {}) {
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEV_BASE_URL);
  const src = join(root, "packages/excel-addin/src");
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, "assets"), { recursive: true });
  const result = await build({
    entryPoints: Object.fromEntries(SCRIPTS.map((name) => [name, join(src, `${name}.ts`)])),
    outdir,
    entryNames: "[name].[hash]",
    bundle: true,
    platform: "browser",
    format: "iife",
    // Office 2021+ on Windows (WebView2), Mac (WKWebView) and browsers for Excel on the web.
    target: "es2020",
    minify: true,
    loader: { ".css": "text" },
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  });
  // "taskpane.js" → "taskpane.3F2A1B9C.js", from what esbuild wrote.
  const renamed = new Map();
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    const entry = meta.entryPoint ? basename(meta.entryPoint).replace(/\.ts$/, ".js") : null;
    if (entry) renamed.set(entry, basename(file));
  }
  const assets = join(root, "packages/excel-addin/assets");
  for (const file of readdirSync(assets).filter((f) => f.endsWith(".png"))) {
    const bytes = readFileSync(join(assets, file));
    const name = file.replace(/\.png$/, `.${hash8(bytes)}.png`);
    writeFileSync(join(outdir, "assets", name), bytes);
    renamed.set(`assets/${file}`, `assets/${name}`);
  }
  const rename = (text) => {
    let out = text;
    for (const [from, to] of renamed) out = out.split(`"${from}"`).join(`"${to}"`).split(`/${from}"`).join(`/${to}"`);
    return out;
  };
  for (const page of PAGES) writeFileSync(join(outdir, page), rename(readFileSync(join(src, page), "utf8")));
  const manifest = readFileSync(join(root, "manifests/manifest.xml"), "utf8").split(DEV_BASE_URL).join(baseUrl);
  writeFileSync(join(outdir, "manifest.xml"), rename(manifest));
  const problems = checkExcelDist(outdir);
  if (problems.length > 0) throw new Error(`the Excel add-in build is incomplete:\n  ${problems.join("\n  ")}`);
  return outdir;
}
