import { randomBytes } from "node:crypto";
import { link, lstat, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { LocalisedText } from "@pmark/core";
import { errorText } from "./load/failure";
import { TEXT_LIMITS, terminalText } from "./terminal-text";

/**
 * The one way pmark writes a file (`template --out`, and every later command that writes):
 *
 * - an existing file is never replaced without `force` (`--force`);
 * - the folder must exist: pmark never creates folders, so a typo in a path is an error, not
 *   a new directory tree;
 * - the bytes go to a temporary file beside the target, which then takes the target's name in
 *   one step, so the target is either the old file or the whole new one, never half written.
 *   Without `force` the new file is linked into place, which fails if a file of that name
 *   appeared meanwhile (no check-then-write race); a file system without hard links falls back
 *   to a check and a rename.
 */
export type WriteFailure =
  | { code: "exists" }
  | { code: "no-folder"; folder: string }
  | { code: "is-directory" }
  | { code: "not-writable"; detail: string };

export type WriteOutcome = { ok: true } | { ok: false; reason: WriteFailure };

export interface WriteOptions {
  /** Replace an existing file (`--force`). */
  force: boolean;
}

function errnoCode(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

async function existing(path: string): Promise<"none" | "file" | "directory"> {
  try {
    const st = await lstat(path);
    if (st.isDirectory()) return "directory";
    if (st.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isDirectory()) return "directory";
    }
    return "file";
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return "none";
    throw e;
  }
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // already gone, or never made
  }
}

/** Writes `bytes` to `path` as described above. Never throws for a bad path: failures are data. */
export async function writeOutputFile(path: string, bytes: Uint8Array | string, options: WriteOptions): Promise<WriteOutcome> {
  const target = resolve(path);
  const folder = dirname(target);
  try {
    const st = await stat(folder);
    if (!st.isDirectory()) return { ok: false, reason: { code: "no-folder", folder: dirname(path) } };
  } catch (e) {
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: { code: "no-folder", folder: dirname(path) } };
    return { ok: false, reason: { code: "not-writable", detail: code ?? errorText(e) } };
  }
  let before: "none" | "file" | "directory";
  try {
    before = await existing(target);
  } catch (e) {
    return { ok: false, reason: { code: "not-writable", detail: errnoCode(e) ?? errorText(e) } };
  }
  if (before === "directory") return { ok: false, reason: { code: "is-directory" } };
  if (before === "file" && !options.force) return { ok: false, reason: { code: "exists" } };

  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) {
      await rename(temp, target);
      return { ok: true };
    }
    try {
      await link(temp, target);
    } catch (e) {
      const code = errnoCode(e);
      if (code === "EEXIST") return { ok: false, reason: { code: "exists" } };
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
      if ((await existing(target)) !== "none") return { ok: false, reason: { code: "exists" } };
      await rename(temp, target);
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: { code: "not-writable", detail: errnoCode(e) ?? errorText(e) } };
  } finally {
    await removeQuietly(temp);
  }
}

/** One line naming the file: 「a.xlsx」は既にあります… / a.xlsx already exists… */
export function writeFailureMessage(file: string, failure: WriteFailure): LocalisedText {
  const f = (lang: "ja" | "en") => terminalText(file, { max: TEXT_LIMITS.file, lang });
  switch (failure.code) {
    case "exists":
      return {
        ja: `「${f("ja")}」は既にあります。上書きするときは --force を付けてください`,
        en: `"${f("en")}" already exists; add --force to overwrite it`,
      };
    case "no-folder": {
      const d = (lang: "ja" | "en") => terminalText(failure.folder, { max: TEXT_LIMITS.file, lang });
      return {
        ja: `「${f("ja")}」を書き出せません: フォルダ「${d("ja")}」がありません (pmark はフォルダを作りません)`,
        en: `cannot write "${f("en")}": the folder "${d("en")}" does not exist (pmark does not create folders)`,
      };
    }
    case "is-directory":
      return { ja: `「${f("ja")}」はフォルダです。ファイル名を指定してください`, en: `"${f("en")}" is a folder; give a file name` };
    case "not-writable":
      return {
        ja: `「${f("ja")}」を書き出せません (${failure.detail})`,
        en: `cannot write "${f("en")}" (${failure.detail})`,
      };
  }
}
