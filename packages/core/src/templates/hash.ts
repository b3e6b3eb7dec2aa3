/**
 * Content fingerprints for templates: FNV-1a (64-bit) over canonical JSON. Not a security hash:
 * it only has to change when a template's content changes, identically in every host (no
 * `node:crypto`, no Web Crypto: Apps Script has neither).
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 over the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  const eat = (byte: number) => {
    h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK;
  };
  // UTF-8 by hand: Apps Script has no TextEncoder.
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) eat(cp);
    else if (cp < 0x800) {
      eat(0xc0 | (cp >> 6));
      eat(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      eat(0xe0 | (cp >> 12));
      eat(0x80 | ((cp >> 6) & 0x3f));
      eat(0x80 | (cp & 0x3f));
    } else {
      eat(0xf0 | (cp >> 18));
      eat(0x80 | ((cp >> 12) & 0x3f));
      eat(0x80 | ((cp >> 6) & 0x3f));
      eat(0x80 | (cp & 0x3f));
    }
  }
  return h.toString(16).padStart(16, "0");
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function contentHash(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
