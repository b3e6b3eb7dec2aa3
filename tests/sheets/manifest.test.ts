import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCode, DIST } from "./addon";

const ROOT = join(__dirname, "..", "..");
const SCOPES = ["https://www.googleapis.com/auth/spreadsheets.currentonly", "https://www.googleapis.com/auth/script.container.ui"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let code = "";
beforeAll(async () => {
  code = await builtCode();
});

describe("manifests/appsscript.json", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "manifests", "appsscript.json"), "utf8"));

  it("asks for exactly the current spreadsheet and the container UI, nothing else", () => {
    expect(manifest.oauthScopes).toEqual(SCOPES);
  });

  it("runs on V8 in Asia/Tokyo", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Tokyo");
  });

  it("declares no web app, API executable, URL fetch, add-on card section or advanced service", () => {
    for (const key of ["webapp", "executionApi", "urlFetchWhitelist", "addOns", "sheets", "gmail"]) expect(manifest, key).not.toHaveProperty(key);
    expect(manifest.dependencies?.enabledAdvancedServices ?? []).toEqual([]);
    expect(manifest.dependencies?.libraries ?? []).toEqual([]);
  });

  it("is copied unchanged into the folder clasp pushes", () => {
    expect(JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8"))).toEqual(manifest);
  });
});

describe("no other scope anywhere", () => {
  it("no other OAuth scope URL in the add-on's sources, its build output or the clasp example", () => {
    const places = [...files(join(ROOT, "packages", "sheets-addon")), ...files(DIST), join(ROOT, "manifests", "appsscript.json"), join(ROOT, ".clasp.json.example")];
    for (const file of places) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/https:\/\/www\.googleapis\.com\/auth\/[\w.\-/]+/g)) expect(SCOPES, relative(ROOT, file)).toContain(m[0]);
    }
  });

  it("Code.js calls no service that would need another scope", () => {
    const forbidden = [
      /\bScriptApp\b/, // triggers: script.scriptapp
      /\bUrlFetchApp\b/, // external_request
      /\b(DriveApp|DocumentApp|FormApp|SlidesApp|GmailApp|MailApp|CalendarApp|ContactsApp)\b/,
      /\bgetActiveUser\b|\bgetEffectiveUser\b/, // userinfo.email
      /\bopenById\b|\bopenByUrl\b|SpreadsheetApp\.open\b|SpreadsheetApp\.create\b/, // spreadsheets (all files)
      /\bSheets\.Spreadsheets\b/, // advanced service
      /@OnlyCurrentDoc|@NotOnlyCurrentDoc/,
    ];
    for (const re of forbidden) expect(code, String(re)).not.toMatch(re);
  });

  it("the clasp example pushes dist/sheets", () => {
    expect(JSON.parse(readFileSync(join(ROOT, ".clasp.json.example"), "utf8")).rootDir).toBe("dist/sheets");
  });
});
