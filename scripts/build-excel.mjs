// The Excel add-in's deployable folder (packages/excel-addin/dist, or $PMARK_EXCEL_OUTDIR):
// taskpane.html/js, commands.html/js, help.html, assets/*.png and a copy of the manifest.
// One self-contained script per page (the shared UI, core and the stylesheet bundled in);
// office.js stays on Microsoft's CDN, as Office requires.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export async function buildExcel(root, outdir = process.env.PMARK_EXCEL_OUTDIR || join(root, "packages/excel-addin/dist")) {
  const src = join(root, "packages/excel-addin/src");
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, "assets"), { recursive: true });
  await build({
    entryPoints: { taskpane: join(src, "taskpane.ts"), commands: join(src, "commands.ts") },
    outdir,
    bundle: true,
    platform: "browser",
    format: "iife",
    // Office 2021+ on Windows (WebView2), Mac (WKWebView) and browsers for Excel on the web.
    target: "es2020",
    minify: true,
    loader: { ".css": "text" },
    legalComments: "none",
    logLevel: "warning",
  });
  for (const page of ["taskpane.html", "commands.html", "help.html"]) copyFileSync(join(src, page), join(outdir, page));
  const assets = join(root, "packages/excel-addin/assets");
  for (const file of readdirSync(assets)) if (file.endsWith(".png")) copyFileSync(join(assets, file), join(outdir, "assets", file));
  copyFileSync(join(root, "manifests/manifest.xml"), join(outdir, "manifest.xml"));
  return outdir;
}
