import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

/**
 * Offline checks of the XML add-in manifest (the Office validation service needs the network):
 * identity, host, requirement set, permission, URLs, resource ids and icon files.
 */

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifests", "manifest.xml");
const ORIGIN = "https://localhost:3000";
const xml = readFileSync(MANIFEST, "utf8");
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["Set", "Host", "Override", "bt:Override", "bt:Image", "bt:Url", "bt:String", "Control", "Group"].includes(name) }).parse(xml);
const app = doc.OfficeApp;

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

describe("manifests/manifest.xml", () => {
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

  it("uses https URLs on one origin only", () => {
    const urls = attributes(app).filter((a) => /^[a-z]+:\/\//i.test(a.value) && a.name !== "xmlns" && !a.name.startsWith("xmlns"));
    expect(urls.length).toBeGreaterThan(5);
    for (const { value } of urls) {
      expect(value.startsWith("https://"), value).toBe(true);
      expect(new URL(value).origin, value).toBe(ORIGIN);
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

  it("points every icon and page at a file the build ships", () => {
    const urls = attributes(app).filter((a) => a.value.startsWith(ORIGIN)).map((a) => new URL(a.value).pathname);
    for (const path of urls) {
      const file = path.startsWith("/assets/") ? join(ROOT, "packages/excel-addin", path) : join(ROOT, "packages/excel-addin/src", path);
      expect(existsSync(file), path).toBe(true);
    }
    for (const size of [16, 32, 80]) {
      const png = readFileSync(join(ROOT, `packages/excel-addin/assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });

  it("names the ribbon's function the command script registers", () => {
    const src = readFileSync(join(ROOT, "packages/excel-addin/src/commands.ts"), "utf8");
    expect(xml).toContain("<FunctionName>pmarkCheck</FunctionName>");
    expect(src).toContain('associate?.("pmarkCheck"');
  });
});
