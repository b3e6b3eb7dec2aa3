#!/usr/bin/env node
/**
 * Draws the Excel add-in's icons into packages/excel-addin/assets: 16, 20, 24, 32, 40, 48, 64
 * and 80 px PNGs, every size Office asks for at any DPI. A blue rounded square with a white
 * tick over three ledger lines (from 32 px up). Pure Node (zlib), no image
 * library; deterministic output, so the committed files only change when this script does.
 *
 *   node scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "packages/excel-addin/assets");
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const clamp = (v) => Math.max(0, Math.min(1, v));
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function roundedBox(x, y, s, r) {
  const cx = Math.min(Math.max(x, r), s - r);
  const cy = Math.min(Math.max(y, r), s - r);
  return clamp(r - Math.hypot(x - cx, y - cy) + 0.5);
}

function icon(size) {
  const s = size;
  const blue = [15, 108, 189];
  const white = [255, 255, 255];
  const lineW = Math.max(1, s * 0.06);
  const tickW = Math.max(1.6, s * 0.11);
  return png(s, (x, y) => {
    const inBox = roundedBox(x, y, s, s * 0.18);
    if (inBox <= 0) return [0, 0, 0, 0];
    // Ledger lines on the left, a tick on the right.
    let ink = 0;
    if (s >= 32) {
      for (const ly of [0.3, 0.5, 0.7]) ink = Math.max(ink, clamp(lineW / 2 - segDist(x, y, s * 0.2, s * ly, s * 0.45, s * ly) + 0.5) * 0.75);
    }
    const tick = clamp(tickW / 2 - Math.min(segDist(x, y, s * 0.4, s * 0.55, s * 0.55, s * 0.72), segDist(x, y, s * 0.55, s * 0.72, s * 0.82, s * 0.3)) + 0.5);
    ink = Math.max(ink, tick);
    const c = blue.map((b, i) => Math.round(b + (white[i] - b) * ink));
    return [...c, Math.round(255 * inBox)];
  });
}

mkdirSync(out, { recursive: true });
for (const size of ICON_SIZES) writeFileSync(join(out, `icon-${size}.png`), icon(size));
console.log(`icons written to ${out}`);
