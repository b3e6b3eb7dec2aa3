/**
 * A real password-encrypted workbook, made by the repository's own script
 * (scripts/make-encrypted-xlsx.mjs: ECMA-376 Agile Encryption, AES-256-CBC, SHA-512 with a spin
 * count, 4096-byte segments, in a CFB container) from a real .xlsx, in a temporary folder.
 * `pmark check` must refuse it with exit status 2 and one clear line. The file is checked to be
 * what Excel writes: its streams and header, a round trip through the script's decryption (the
 * password verifier and the HMAC hold), and, where LibreOffice is installed, LibreOffice itself
 * opening it with the password (and not without).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { ROOT, buildCli, lines, runPmark, tempDir, writeSampleXlsx } from "./helpers";

const SCRIPT = join(ROOT, "scripts", "make-encrypted-xlsx.mjs");
const PASSWORD = "pマーク-2025";

interface EncryptionScript {
  encryptPackage(pkg: Buffer, password: string, options?: { spinCount?: number }): Buffer;
  decryptPackage(bytes: Buffer, password: string): Buffer;
}

let dir: string;
let plain: Buffer;
let secret: Buffer;
let script: EncryptionScript;

beforeAll(async () => {
  buildCli();
  dir = tempDir("pmark-encrypted-");
  await writeSampleXlsx(join(dir, "台帳.xlsx"));
  plain = readFileSync(join(dir, "台帳.xlsx"));
  // The script as users run it.
  execFileSync(process.execPath, [SCRIPT, join(dir, "台帳.xlsx"), join(dir, "secret.xlsx"), PASSWORD], { cwd: ROOT, stdio: "pipe" });
  secret = readFileSync(join(dir, "secret.xlsx"));
  script = (await import(pathToFileURL(SCRIPT).href)) as EncryptionScript;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the encrypted workbook", () => {
  it("is an OLE compound file with the Agile EncryptionInfo, the EncryptedPackage and the DataSpaces", () => {
    expect(secret.subarray(0, 8)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const cfb = XLSX.CFB.read(secret, { type: "buffer" });
    const names = cfb.FullPaths.map((p: string) => p.replace(/^Root Entry\//, ""));
    for (const n of ["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces/Version", "\u0006DataSpaces/DataSpaceMap", "\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace", "\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary"]) {
      expect(names).toContain(n);
    }
    const info = Buffer.from(XLSX.CFB.find(cfb, "EncryptionInfo")?.content as Uint8Array);
    expect([...info.subarray(0, 8)]).toEqual([4, 0, 4, 0, 0x40, 0, 0, 0]);
    const xml = info.subarray(8).toString("utf8");
    expect(xml).toContain('cipherAlgorithm="AES"');
    expect(xml).toContain('hashAlgorithm="SHA512"');
    expect(xml).toContain('keyBits="256"');
    expect(xml).toContain('spinCount="100000"');
    const pkg = Buffer.from(XLSX.CFB.find(cfb, "EncryptedPackage")?.content as Uint8Array);
    expect(Number(pkg.readBigUInt64LE(0))).toBe(plain.length);
    // 4096-byte segments, the last one padded to the 16-byte block.
    expect(pkg.length - 8).toBe(Math.ceil(plain.length / 16) * 16);
    expect(pkg.includes(plain.subarray(0, 64))).toBe(false);
  });

  it("decrypts back to the original .xlsx with the password, and refuses a wrong one", () => {
    expect(script.decryptPackage(secret, PASSWORD).equals(plain)).toBe(true);
    expect(() => script.decryptPackage(secret, "wrong")).toThrow(/wrong password/);
    // Each run draws new salts and keys.
    const again = script.encryptPackage(plain, PASSWORD, { spinCount: 1000 });
    expect(again.equals(secret)).toBe(false);
    expect(script.decryptPackage(again, PASSWORD).equals(plain)).toBe(true);
  });

  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!soffice)("LibreOffice opens it with the password and not without", () => {
    const lo = join(dir, "lo");
    const profile = pathToFileURL(join(lo, "profile")).href;
    mkdirSync(lo, { recursive: true });
    const run = (args: string[]) => spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", ...args], { encoding: "utf8", timeout: 120_000 });
    run(["--terminate_after_init"]);
    const open = (password: string) => {
      const out = join(lo, "result.txt");
      rmSync(out, { force: true });
      const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      const basic = [
        "Sub Main",
        "  Dim args(1) As New com.sun.star.beans.PropertyValue",
        `  args(0).Name = "Password" : args(0).Value = "${password}"`,
        '  args(1).Name = "Hidden" : args(1).Value = True',
        "  Dim result As String",
        "  On Error GoTo Failed",
        `  doc = StarDesktop.loadComponentFromURL("${pathToFileURL(join(dir, "secret.xlsx")).href}", "_blank", 0, args())`,
        "  result = doc.Sheets.getByIndex(0).getName() & \"|\" & doc.Sheets.getByIndex(0).getCellByPosition(0, 3).getString()",
        "  doc.close(True)",
        "  GoTo Done",
        "Failed:",
        '  result = "ERROR"',
        "Done:",
        "  n = FreeFile",
        `  Open "${out}" For Output As #n`,
        "  Print #n, result",
        "  Close #n",
        "End Sub",
      ].join("\n");
      writeFileSync(
        join(lo, "profile", "user", "basic", "Standard", "Module1.xba"),
        `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${esc(basic)}</script:module>\n`,
      );
      run(["vnd.sun.star.script:Standard.Module1.Main?language=Basic&location=application"]);
      return readFileSync(out, "utf8").trim();
    };
    expect(open(PASSWORD)).toBe("個人情報管理台帳|顧客名簿");
    expect(open("not-the-password")).toBe("ERROR");
  });
});

describe("pmark check on the encrypted workbook", () => {
  it("the loader refuses it as encrypted", async () => {
    const r = await loadWorkbook(join(dir, "secret.xlsx"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.code).toBe("encrypted");
  });

  it("exits 2 with one clear line, no stack trace", () => {
    for (const lang of ["ja", "en"]) {
      const r = runPmark(["check", join(dir, "secret.xlsx"), "--lang", lang]);
      expect(r.status).toBe(2);
      const l = lines(r.stderr);
      expect(l, r.stderr).toHaveLength(1);
      expect(l[0]).toMatch(/^pmark: /);
      expect(l[0]).toContain("secret.xlsx");
      expect(l[0]).toMatch(lang === "ja" ? /パスワード/ : /password-protected/);
      expect(r.stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
    }
  });

  it("in JSON, the file carries an encrypted error and the others are still checked", () => {
    const r = runPmark(["check", join(dir, "secret.xlsx"), join(dir, "台帳.xlsx"), "--format", "json", "--today", "2025-06-30"]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].error.code).toBe("encrypted");
    expect(doc.files[1].sheets.length).toBeGreaterThan(0);
  });
});
