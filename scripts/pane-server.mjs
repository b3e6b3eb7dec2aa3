/**
 * The built task pane served from 127.0.0.1 for headless Chromium (the screenshots, the UI
 * bench and the browser tests), and what they answer office.js with: a local stand-in, so
 * nothing is fetched from outside the machine.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

/** office.js outside Office: onReady reports no host, as the real script does in a plain browser. */
export const OFFICE_STUB = `window.Office = {
  context: { displayLanguage: "ja-JP" },
  onReady: function (cb) { var info = { host: null, platform: null }; setTimeout(function () { if (cb) cb(info); }, 0); return Promise.resolve(info); }
};`;

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".json": "application/json" };

/** Serves the files under `dir` (nothing above it) on a free port of 127.0.0.1. */
export async function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
