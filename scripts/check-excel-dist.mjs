// Checks a built Excel add-in folder against its manifest: every URL the manifest lists is on
// one https base and names a file the folder has, every icon is a PNG of the size its resource
// says, and every page's own scripts are there. The build runs it and fails on any problem;
// tests/excel/manifest.test.ts runs it on builds for localhost and for a deployment URL.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PNG = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** The manifest's URLs, each with the attribute's element id when it has one (bt:Image id="Icon.16x16"). */
export function manifestUrls(xml) {
  const out = [];
  for (const m of xml.matchAll(/<([\w:]+)\b([^>]*?)\bDefaultValue="(https?:\/\/[^"]+)"/g)) {
    const id = /\bid="([^"]+)"/.exec(m[2] ?? "")?.[1] ?? null;
    out.push({ element: m[1], id, url: m[3] });
  }
  return out;
}

/** Problems of a built folder, one line each; empty when it is complete. */
export function checkExcelDist(dist) {
  const problems = [];
  const manifestFile = join(dist, "manifest.xml");
  if (!existsSync(manifestFile)) return [`manifest.xml is missing from ${dist}`];
  const xml = readFileSync(manifestFile, "utf8");
  const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1];
  if (!source) return ["manifest.xml has no SourceLocation"];
  const base = source.slice(0, source.lastIndexOf("/") + 1);
  const urls = manifestUrls(xml);
  for (const { element, id, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`not https: ${url}`);
    if (!url.startsWith(base)) {
      problems.push(`not under ${base}: ${url}`);
      continue;
    }
    const path = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
    const file = join(dist, path);
    if (!existsSync(file)) {
      problems.push(`listed in the manifest but not built: ${path}`);
      continue;
    }
    if (path.endsWith(".png")) {
      const png = readFileSync(file);
      const size = /(\d+)x\1$/.exec(id ?? "")?.[1] ?? (element === "IconUrl" ? "32" : element === "HighResolutionIconUrl" ? "64" : null);
      if (!png.subarray(0, 8).equals(PNG)) problems.push(`not a PNG: ${path}`);
      else if (size && png.readUInt32BE(16) !== Number(size)) problems.push(`${path} is ${png.readUInt32BE(16)} px, the manifest says ${size}`);
    }
    if (path.endsWith(".html")) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
        const ref = m[1] ?? "";
        if (/^https?:/.test(ref)) continue;
        if (!existsSync(join(dist, ref))) problems.push(`${path} refers to ${ref}, which is not built`);
      }
    }
  }
  if (urls.length === 0) problems.push("manifest.xml lists no URL");
  return problems;
}
