import * as XLSX from "@e965/xlsx";
import type { LoadFailure } from "./failure";
import { errorText } from "./failure";
import { quietly } from "./sheetjs";

/**
 * An OLE compound file (CFB) is either a legacy .xls, an encrypted or rights-managed OOXML
 * workbook (the real .xlsx sits encrypted in an "EncryptedPackage" stream), or something else
 * altogether (.doc, .ppt, .msg).
 */
export type CfbKind = "xls" | "encrypted" | "word" | "powerpoint" | "other";

interface CfbContainer {
  FullPaths: string[];
  FileIndex: { name: string; content?: Uint8Array | number[] }[];
}

function baseName(path: string): string {
  const parts = path.split("/").filter((p) => p !== "");
  return parts[parts.length - 1] ?? "";
}

export function classifyCfbNames(paths: readonly string[]): CfbKind {
  const names = new Set(paths.map((p) => baseName(p).toLowerCase()));
  if (names.has("encryptioninfo") || names.has("encryptedpackage") || names.has("\u0006dataspaces")) return "encrypted";
  if (names.has("workbook") || names.has("book")) return "xls";
  if (names.has("worddocument")) return "word";
  if (names.has("powerpoint document")) return "powerpoint";
  return "other";
}

/** The legacy workbook stream ("Workbook", or "Book" in BIFF5), for the read budget's cell count. */
function workbookStream(container: CfbContainer): Uint8Array | undefined {
  for (const entry of container.FileIndex ?? []) {
    const name = (entry.name ?? "").toLowerCase();
    if ((name === "workbook" || name === "book") && entry.content) {
      return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
    }
  }
  return undefined;
}

export function inspectCfb(buf: Buffer): { ok: true; kind: CfbKind; workbook?: Uint8Array } | { ok: false; reason: LoadFailure } {
  let container: CfbContainer;
  try {
    container = quietly(() => XLSX.CFB.read(buf, { type: "buffer" }) as CfbContainer);
  } catch (e) {
    return { ok: false, reason: { code: "corrupt", detail: errorText(e) } };
  }
  if (!container || !Array.isArray(container.FullPaths)) return { ok: false, reason: { code: "corrupt" } };
  const kind = classifyCfbNames(container.FullPaths);
  if (kind !== "xls") return { ok: true, kind };
  const workbook = workbookStream(container);
  return workbook ? { ok: true, kind, workbook } : { ok: true, kind };
}
