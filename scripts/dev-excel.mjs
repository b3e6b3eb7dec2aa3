#!/usr/bin/env node
/**
 * `npm run dev:excel`: builds the Excel add-in and serves packages/excel-addin/dist at
 * https://localhost:3000 (the manifest's origin) with the Office development certificate from
 * office-addin-dev-certs (created and trusted on first use; on Windows and Mac it asks before
 * installing the certificate). Plain node:https, static files only, no bundler server.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:https";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import devCerts from "office-addin-dev-certs";
import { buildExcel } from "./build-excel.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 3000);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

const dist = await buildExcel(root);
const options = await devCerts.getHttpsServerOptions();

const server = createServer(options, (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
  const file = normalize(join(dist, path === "/" ? "taskpane.html" : path));
  if (!file.startsWith(dist + sep) || !TYPES[extname(file)]) {
    res.writeHead(404).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": TYPES[extname(file)], "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  createReadStream(file).pipe(res);
});
server.listen(port, "localhost", () => {
  console.log(`Serving ${dist} at https://localhost:${port}/taskpane.html`);
  console.log(`Sideload ${join(dist, "manifest.xml")} (see README, "Sideload for testing"). Ctrl+C to stop.`);
});
