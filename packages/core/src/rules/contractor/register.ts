import { nfkc } from "../../glossary/normalise";
import { scanText } from "../../read/annual";
import type { ContractorField } from "../../glossary/fields";
import { organisationKey, partyPresence, splitParties, type FieldCell, type LedgerItem } from "../../model/records";
import { readYesNo } from "../../read/yesno";
import type { RecognisedSheet } from "../../recognise/sheet";
import type { WorkbookModel } from "../../model/workbook";
import { cloudServicesIn, type CloudService } from "../../glossary/cloud-services";
import { CONTRACTOR, ledgerCell } from "../fields";

/**
 * The contractor register (委託先管理台帳) and how ledger contractors are found in it.
 *
 * A name written in the ledger is *registered* when it is the register's name as written
 * (brackets with notes dropped, surrounding spaces trimmed); *nearly* registered when only the
 * corporate form (株式会社 / (株) / ㈱), character width, spaces, a trailing 事務所 or a
 * profession word (税理士・社労士…) differ, or one or two characters (a typo); and *not
 * registered* otherwise. A cloud service is registered when a register row names it anywhere
 * (name, work, items, notes): 「Google LLC ／ Google Workspace の提供」.
 */

export interface RegisteredContractor {
  sheet: RecognisedSheet;
  row: number;
  nameCell: FieldCell;
  name: string;
  /** Every text of the row, for finding cloud services named in the work or notes. */
  text: string;
}

/** The register's rows, read once per check and shared by the contractor rules (and their lookup index). */
export function registerEntries(model: WorkbookModel): readonly RegisteredContractor[] {
  let out = registers.get(model);
  if (!out) registers.set(model, (out = readRegister(model)));
  return out;
}

/** The register cells a cloud service may be named in. */
const REGISTER_TEXT: readonly ContractorField[] = ["name", "work", "items", "note", "exception"];

const registers = new WeakMap<WorkbookModel, readonly RegisteredContractor[]>();

function readRegister(model: WorkbookModel): readonly RegisteredContractor[] {
  const out: RegisteredContractor[] = [];
  for (const sheet of model.ofKind("contractor")) {
    for (const row of sheet.dataRows) {
      const nameCell = CONTRACTOR.cell(sheet, row, "name");
      if (nameCell.text === "") continue;
      const text = REGISTER_TEXT.map((f) => scanText(CONTRACTOR.cell(sheet, row, f).text)).join(" ");
      out.push({ sheet, row, nameCell, name: nameCell.text, text });
    }
  }
  return Object.freeze(out);
}

/** A ledger cell that names contractors, and one of the names in it. */
export interface LedgerParty {
  item: LedgerItem;
  cell: FieldCell;
  name: string;
}

/** The contractor names of every ledger item (a cell may name several: 「A社、B社」). */
export function ledgerContractors(model: WorkbookModel): readonly LedgerParty[] {
  let out = parties.get(model);
  if (!out) parties.set(model, (out = readLedgerContractors(model)));
  return out;
}

const parties = new WeakMap<WorkbookModel, readonly LedgerParty[]>();

function readLedgerContractors(model: WorkbookModel): readonly LedgerParty[] {
  const out: LedgerParty[] = [];
  for (const item of model.ledgerItems) {
    if (partyPresence(item.contractor) !== "present") continue;
    for (const name of splitParties(scanText(item.contractor.text))) {
      // A bare 「有」「○」 says there is a contractor without naming it.
      const yn = readYesNo(name);
      if (yn && yn.ok) continue;
      out.push({ item, cell: item.contractor, name });
    }
  }
  return Object.freeze(out);
}

/** Cloud services a ledger item names as its storage place. */
export function storageServices(item: LedgerItem): { cell: FieldCell; services: readonly CloudService[] } {
  const cell = ledgerCell(item, "storagePlace");
  return { cell, services: cell.text === "" ? [] : cloudServicesIn(scanText(cell.text)) };
}

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|「[^「」]*」|『[^『』]*』|〔[^〔〕]*〕/g;

/** The name as written, without bracketed notes: 「株式会社A（給与計算）」 → 「株式会社A」. */
function asWritten(text: string): string {
  return nfkc(text).replace(BRACKETED, "").trim().normalize("NFC");
}

/** The name itself and each bracketed part: 「運送会社（ヤマト運輸）」 may name ヤマト運輸. */
function candidates(text: string): string[] {
  const t = nfkc(text);
  const inner = [...t.matchAll(/[(（[【「『〔]([^()（）[\]【】「」『』〔〕]+)[)）\]】」』〕]/g)].map((m) => (m[1] ?? "").trim());
  return [asWritten(t), ...inner].filter((s) => s !== "");
}

const PROFESSION = /税理士|社会保険労務士|社労士|行政書士|司法書士|弁護士|公認会計士|会計士|弁理士/g;

/** Corporate form, width, spaces, trailing 事務所 and profession words folded. */
export function contractorKey(text: string): string {
  return organisationKey(text)
    .replace(/(?:事務所|事務局|オフィス|office)$/, "")
    .replace(PROFESSION, "");
}

/** Levenshtein distance, or Infinity once it exceeds `max` (names are short; cut long ones). */
function distance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max || x.length > 80 || y.length > 80) return Infinity;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Infinity;
    prev = cur;
  }
  return prev[y.length] as number;
}

/** Typos allowed for a key of this length: none below 4 characters, 1 up to 9, then 2. */
function allowedTypos(key: string): number {
  const n = [...key].length;
  return n < 4 ? 0 : n < 10 ? 1 : 2;
}

export type RegisterMatch = { kind: "exact"; entry: RegisteredContractor } | { kind: "near"; entry: RegisteredContractor } | null;

/**
 * Per register (each rule reads it once, then looks up every ledger name): its names as written,
 * first row first, and its contractor keys, so that a lookup is not a scan of the whole register.
 */
interface RegisterIndex {
  size: number;
  written: Map<string, RegisteredContractor>;
  keys: string[];
  /** Key → first row with that key (a distance of 0). */
  firstByKey: Map<string, number>;
  /** Cloud service → first row naming it (-1: none), filled as services are asked for. */
  firstByService: Map<CloudService, number>;
  /** Ledger name → its match, as names repeat on many ledger rows. */
  found: Map<string, RegisterMatch>;
}

function firstNaming(index: RegisterIndex, register: readonly RegisteredContractor[], service: CloudService): number {
  let i = index.firstByService.get(service);
  if (i === undefined) {
    i = register.findIndex((e) => service.pattern.test(e.text));
    index.firstByService.set(service, i);
  }
  return i;
}

const registerIndexes = new WeakMap<readonly RegisteredContractor[], RegisterIndex>();

function registerIndex(register: readonly RegisteredContractor[]): RegisterIndex {
  const cached = registerIndexes.get(register);
  if (cached && cached.size === register.length) return cached;
  const written = new Map<string, RegisteredContractor>();
  for (const e of register) {
    const w = asWritten(e.name);
    if (!written.has(w)) written.set(w, e);
  }
  const keys = register.map((e) => contractorKey(e.name));
  const firstByKey = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k !== "" && !firstByKey.has(k)) firstByKey.set(k, i);
  });
  const index = { size: register.length, written, keys, firstByKey, firstByService: new Map<CloudService, number>(), found: new Map<string, RegisterMatch>() };
  registerIndexes.set(register, index);
  return index;
}

/** How a ledger contractor name stands in the register. */
export function findInRegister(name: string, register: readonly RegisteredContractor[]): RegisterMatch {
  const index = registerIndex(register);
  let m = index.found.get(name);
  if (m === undefined) {
    m = findInRegisterOnce(name, register, index);
    index.found.set(name, m);
  }
  return m === null ? null : { ...m };
}

function findInRegisterOnce(name: string, register: readonly RegisteredContractor[], index: RegisterIndex): RegisterMatch {
  const names = candidates(name);
  for (const c of names) {
    const hit = index.written.get(c);
    if (hit) return { kind: "exact", entry: hit };
  }
  // A cloud service written by its product name: registered when a row names the service.
  const services = cloudServicesIn(scanText(name));
  if (services.length > 0) {
    // The first row naming any of them.
    const first = services.reduce((min, s) => {
      const i = firstNaming(index, register, s);
      return i >= 0 && i < min ? i : min;
    }, Infinity);
    const hit = Number.isFinite(first) ? register[first] : undefined;
    if (hit) return { kind: "exact", entry: hit };
  }
  // Same key (distance 0): the first candidate that has one wins, as the scan below would decide.
  for (const c of names) {
    const key = contractorKey(c);
    const i = key === "" ? undefined : index.firstByKey.get(key);
    if (i !== undefined) return { kind: "near", entry: register[i] as RegisteredContractor };
  }
  let best: { entry: RegisteredContractor; d: number } | null = null;
  for (const c of names) {
    const key = contractorKey(c);
    if (key === "") continue;
    for (let i = 0; i < register.length; i++) {
      const e = register[i] as RegisteredContractor;
      const other = index.keys[i] as string;
      if (other === "") continue;
      const max = Math.min(allowedTypos(key), allowedTypos(other));
      const d = key === other ? 0 : distance(key, other, max);
      if (d <= max && (!best || d < best.d)) best = { entry: e, d };
    }
  }
  return best ? { kind: "near", entry: best.entry } : null;
}

/** The register row that names a cloud service, or null. */
export function serviceInRegister(service: CloudService, register: readonly RegisteredContractor[]): RegisteredContractor | null {
  const i = firstNaming(registerIndex(register), register, service);
  return i >= 0 ? (register[i] as RegisteredContractor) : null;
}
