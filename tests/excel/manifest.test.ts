import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExcel, DEV_BASE_URL, normaliseBaseUrl } from "../../scripts/build-excel.mjs";
import { checkExcelDist, manifestUrls } from "../../scripts/check-excel-dist.mjs";

/**
 * Offline checks of the XML add-in manifest (the Office validation service needs the network):
 * the source's identity, host, requirement set, permission and resource ids; then the built
 * manifests, for localhost and for a deployment URL: every URL on that base, every icon and
 * page in the built folder under its content-hashed name, at the size the manifest says.
 */

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifests", "manifest.xml");
const DEPLOY = "https://addins.example.co.jp/pmark/";
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["Set", "Host", "Override", "bt:Override", "bt:Image", "bt:Url", "bt:String", "Control", "Group"].includes(name) }).parse(xml).OfficeApp;
const xml = readFileSync(MANIFEST, "utf8");
const app = parse(xml);

/** Every attribute value in the tree, with its name. */
function attributes(node: unknown, out: { name: string; value: string }[] = []): { name: string; value: string }[] {
  if (Array.isArray(node)) for (const n of node) attributes(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("@") && typeof v === "string") out.push({ name: k.slice(1), value: v });
      else attributes(v, out);
    }
  }
  return out;
}

describe("manifests/manifest.xml (the source)", () => {
  it("is a task pane add-in with a GUID id and a four-part version", () => {
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(String(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("targets workbooks with ExcelApi 1.9 at least and asks for ReadWriteDocument", () => {
    expect(app.Hosts.Host.map((h: { "@Name": string }) => h["@Name"])).toEqual(["Workbook"]);
    expect(app.Requirements.Sets.Set).toEqual([{ "@Name": "ExcelApi", "@MinVersion": "1.9" }]);
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(app.VersionOverrides.Hosts.Host[0]["@xsi:type"]).toBe("Workbook");
  });

  it("has Japanese overrides for the name, the description and every ribbon string", () => {
    expect(app.DisplayName.Override[0]).toMatchObject({ "@Locale": "ja-JP" });
    expect(app.Description.Override[0]).toMatchObject({ "@Locale": "ja-JP" });
    const res = app.VersionOverrides.Resources;
    for (const s of [...res["bt:ShortStrings"]["bt:String"], ...res["bt:LongStrings"]["bt:String"]]) {
      expect(s["bt:Override"]?.[0]?.["@Locale"], s["@id"]).toBe("ja-JP");
    }
  });

  it("defines every resid it uses, and uses every resource it defines", () => {
    const res = app.VersionOverrides.Resources;
    const defined = new Set<string>([...res["bt:Images"]["bt:Image"], ...res["bt:Urls"]["bt:Url"], ...res["bt:ShortStrings"]["bt:String"], ...res["bt:LongStrings"]["bt:String"]].map((r: { "@id": string }) => r["@id"]));
    const used = new Set(attributes(app.VersionOverrides.Hosts).filter((a) => a.name === "resid").map((a) => a.value));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
    const ids = attributes(app.VersionOverrides.Hosts).filter((a) => a.name === "id").map((a) => a.value);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every ribbon icon at 16, 20, 24, 32, 40, 48, 64 and 80 px, from files the repository has", () => {
    for (const icon of attributes(app.VersionOverrides.Hosts).filter((a) => a.name === "size")) expect(ICON_SIZES).toContain(Number(icon.value));
    const images = app.VersionOverrides.Resources["bt:Images"]["bt:Image"].map((i: { "@id": string }) => i["@id"]);
    expect(images).toEqual(ICON_SIZES.map((n) => `Icon.${n}x${n}`));
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(ROOT, `packages/excel-addin/assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });

  it("points at the development origin only (deployments are built, not edited)", () => {
    const urls = manifestUrls(xml).map((u) => u.url);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(DEV_BASE_URL), u).toBe(true);
  });

  it("names the ribbon's function the command script registers", () => {
    const src = readFileSync(join(ROOT, "packages/excel-addin/src/commands.ts"), "utf8");
    expect(xml).toContain("<FunctionName>pmarkCheck</FunctionName>");
    expect(src).toContain('associate?.("pmarkCheck"');
  });
});

describe.each([
  { label: "localhost (npm run dev:excel)", base: undefined, expected: DEV_BASE_URL },
  { label: "a deployment URL with a path", base: "https://addins.example.co.jp/pmark", expected: DEPLOY },
])("the built add-in for $label", ({ base, expected }) => {
  let dist = "";
  let built: ReturnType<typeof parse>;
  let builtXml = "";
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "pmark-excel-dist-"));
    await buildExcel(ROOT, dist, base ? { baseUrl: base } : {});
    builtXml = readFileSync(join(dist, "manifest.xml"), "utf8");
    built = parse(builtXml);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("has every URL on the one https base, and the same id, version and resources as the source", () => {
    const urls = manifestUrls(builtXml);
    expect(urls.length).toBe(manifestUrls(xml).length);
    for (const { url } of urls) expect(url.startsWith(expected), url).toBe(true);
    expect(built.DefaultSettings.SourceLocation["@DefaultValue"]).toBe(`${expected}taskpane.html`);
    expect(built.Id).toBe(app.Id);
    expect(built.Version).toBe(app.Version);
  });

  it("lists only files the folder has: pages under their own names, icons and scripts under content-hashed ones", () => {
    expect(checkExcelDist(dist)).toEqual([]);
    const icons = readdirSync(join(dist, "assets"));
    expect(icons).toHaveLength(ICON_SIZES.length);
    for (const f of icons) expect(f).toMatch(/^icon-\d+\.[0-9a-f]{8}\.png$/);
    for (const page of ["taskpane", "commands", "dialog"]) expect(readdirSync(dist).some((f) => new RegExp(`^${page}\\.[A-Z0-9]{8}\\.js$`).test(f))).toBe(true);
    for (const { url } of manifestUrls(builtXml)) {
      const path = new URL(url).pathname.slice(new URL(expected).pathname.length);
      expect(existsSync(join(dist, path)), path).toBe(true);
    }
  });

  it("fails the check when a listed icon or page is missing, or an icon has the wrong size", () => {
    const copy = mkdtempSync(join(tmpdir(), "pmark-excel-broken-"));
    try {
      cpSync(dist, copy, { recursive: true });
      const icon16 = readdirSync(join(copy, "assets")).find((f) => f.startsWith("icon-16."))!;
      const icon32 = readdirSync(join(copy, "assets")).find((f) => f.startsWith("icon-32."))!;
      rmSync(join(copy, "assets", icon16));
      rmSync(join(copy, "help.html"));
      cpSync(join(copy, "assets", icon32), join(copy, "assets", readdirSync(join(copy, "assets")).find((f) => f.startsWith("icon-80."))!));
      const script = readdirSync(copy).find((f) => f.startsWith("commands.") && f.endsWith(".js"))!;
      rmSync(join(copy, script));
      const problems = checkExcelDist(copy);
      expect(problems).toContainEqual(`listed in the manifest but not built: assets/${icon16}`);
      expect(problems).toContainEqual("listed in the manifest but not built: help.html");
      expect(problems.some((p) => /icon-80\..*is 32 px, the manifest says 80/.test(p))).toBe(true);
      expect(problems).toContainEqual(`commands.html refers to ${script}, which is not built`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe("the build's --base-url", () => {
  it("accepts https with a path, adds the final slash, and refuses anything Office would not load", () => {
    expect(normaliseBaseUrl("https://addins.example.co.jp/pmark")).toBe("https://addins.example.co.jp/pmark/");
    expect(normaliseBaseUrl("https://host.example")).toBe("https://host.example/");
    expect(() => normaliseBaseUrl("http://host.example/")).toThrow(/https only/);
    expect(() => normaliseBaseUrl("https://host.example/?v=1")).toThrow(/no query/);
    expect(() => normaliseBaseUrl("host.example")).toThrow(/not a URL/);
  });
});
