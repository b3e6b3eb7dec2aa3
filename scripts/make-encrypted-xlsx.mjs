#!/usr/bin/env node
/**
 * Password-encrypts an .xlsx the way Excel does ("Encrypt with Password"): ECMA-376 Agile
 * Encryption as specified in [MS-OFFCRYPTO] §2.3.4.10–2.3.4.15, written from the specification.
 *
 * - A random 256-bit intermediate key encrypts the package with AES-256-CBC, in 4096-byte
 *   segments, each with its own IV: SHA-512(keyData salt ‖ segment index as uint32 LE), cut to
 *   the 16-byte block size. The EncryptedPackage stream is the package size (uint64 LE) followed
 *   by the encrypted segments (the last one zero-padded to a whole block).
 * - The password key: H0 = SHA-512(salt ‖ UTF-16LE password), Hn = SHA-512(uint32 LE n ‖ Hn-1)
 *   `spinCount` times, then SHA-512(H ‖ block key) cut to 256 bits, once for each of the three
 *   block keys (verifier input, verifier hash, intermediate key). The verifier lets a reader
 *   tell a wrong password; the intermediate key is stored encrypted with the password key.
 * - Data integrity: a random HMAC key (encrypted with the intermediate key) and the
 *   HMAC-SHA-512 of the whole EncryptedPackage stream.
 * - EncryptionInfo stream: version 4.4, flags 0x40, then the XML descriptor. Both streams and
 *   the \x06DataSpaces storage ([MS-OFFCRYPTO] §2.1: Version, DataSpaceMap, DataSpaceInfo,
 *   TransformInfo) go into an OLE compound file written with SheetJS's CFB writer.
 *
 *   node scripts/make-encrypted-xlsx.mjs IN.xlsx OUT.xlsx [PASSWORD]
 *
 * `encryptPackage` and `decryptPackage` are exported for tests: the decryption checks the
 * password verifier and the HMAC before it returns the package.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";

const SEGMENT = 4096;
const BLOCK = 16;
const KEY_BYTES = 32;
const HASH_BYTES = 64;
const SALT_BYTES = 16;
export const DEFAULT_SPIN_COUNT = 100000;

const BLOCK_KEYS = {
  verifierHashInput: Buffer.from([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]),
  verifierHashValue: Buffer.from([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]),
  encryptedKeyValue: Buffer.from([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]),
  hmacKey: Buffer.from([0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6]),
  hmacValue: Buffer.from([0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33]),
};

const sha512 = (...parts) => createHash("sha512").update(Buffer.concat(parts)).digest();

function uint32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

/** Zero-pads to a whole number of cipher blocks (the spec pads every encrypted value). */
function padBlock(buf) {
  const rem = buf.length % BLOCK;
  return rem === 0 ? buf : Buffer.concat([buf, Buffer.alloc(BLOCK - rem)]);
}

function aes(mode, key, iv, data) {
  const cipher = mode === "encrypt" ? createCipheriv("aes-256-cbc", key, iv) : createDecipheriv("aes-256-cbc", key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** A hash cut to `size` bytes, or padded with 0x36 when shorter ([MS-OFFCRYPTO] §2.3.4.11). */
function fit(hash, size) {
  return hash.length >= size ? hash.subarray(0, size) : Buffer.concat([hash, Buffer.alloc(size - hash.length, 0x36)]);
}

/** The password's hash after the spin loop, shared by the three derived keys. */
function spunHash(password, salt, spinCount) {
  let h = sha512(salt, Buffer.from(password, "utf16le"));
  const index = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    index.writeUInt32LE(i, 0);
    h = createHash("sha512").update(index).update(h).digest();
  }
  return h;
}

const deriveKey = (spun, blockKey) => fit(sha512(spun, blockKey), KEY_BYTES);
const ivFor = (salt, blockKey) => fit(sha512(salt, blockKey), BLOCK);

function cryptSegments(mode, key, salt, data) {
  const out = [];
  for (let i = 0, offset = 0; offset < data.length; i++, offset += SEGMENT) {
    const chunk = data.subarray(offset, Math.min(offset + SEGMENT, data.length));
    out.push(aes(mode, key, ivFor(salt, uint32(i)), mode === "encrypt" ? padBlock(chunk) : chunk));
  }
  return Buffer.concat(out);
}

// ---- \x06DataSpaces ([MS-OFFCRYPTO] §2.1) ----

/** UNICODE-LP-P4: byte length (uint32), UTF-16LE text, padded to a multiple of 4 bytes. */
function unicodeLP4(text) {
  const body = Buffer.from(text, "utf16le");
  const pad = (4 - (body.length % 4)) % 4;
  return Buffer.concat([uint32(body.length), body, Buffer.alloc(pad)]);
}

function version(feature) {
  // FeatureIdentifier, then reader, updater and writer versions 1.0 (uint16 major, uint16 minor).
  const versions = Buffer.alloc(12);
  for (let i = 0; i < 3; i++) versions.writeUInt16LE(1, i * 4);
  return Buffer.concat([unicodeLP4(feature), versions]);
}

function dataSpaceStreams() {
  const entryBody = Buffer.concat([uint32(1), uint32(0), unicodeLP4("EncryptedPackage"), unicodeLP4("StrongEncryptionDataSpace")]);
  const map = Buffer.concat([uint32(8), uint32(1), uint32(entryBody.length + 4), entryBody]);
  const definition = Buffer.concat([uint32(8), uint32(1), unicodeLP4("StrongEncryptionTransform")]);
  const transformId = unicodeLP4("{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}");
  const header = Buffer.concat([uint32(8 + transformId.length), uint32(1), transformId, version("Microsoft.Container.EncryptionTransform")]);
  // EncryptionTransformInfo: empty name (UTF-8-LP-P4), block size 0, cipher mode 0, reserved 4.
  const primary = Buffer.concat([header, uint32(0), uint32(0), uint32(0), uint32(4)]);
  return {
    "/\u0006DataSpaces/Version": version("Microsoft.Container.DataSpaces"),
    "/\u0006DataSpaces/DataSpaceMap": map,
    "/\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace": definition,
    "/\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary": primary,
  };
}

// ---- EncryptionInfo ----

const CIPHER_ATTRS = `blockSize="${BLOCK}" keyBits="${KEY_BYTES * 8}" hashSize="${HASH_BYTES}" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"`;

function encryptionInfo(x) {
  const b64 = (b) => b.toString("base64");
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="${SALT_BYTES}" ${CIPHER_ATTRS} saltValue="${b64(x.keySalt)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(x.encryptedHmacKey)}" encryptedHmacValue="${b64(x.encryptedHmacValue)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${x.spinCount}" saltSize="${SALT_BYTES}" ${CIPHER_ATTRS} saltValue="${b64(x.passwordSalt)}" ` +
    `encryptedVerifierHashInput="${b64(x.encryptedVerifierHashInput)}" encryptedVerifierHashValue="${b64(x.encryptedVerifierHashValue)}" encryptedKeyValue="${b64(x.encryptedKeyValue)}"/>` +
    "</keyEncryptor></keyEncryptors></encryption>";
  // Version 4.4 (Agile), reserved flags 0x40, then the XML.
  return Buffer.concat([Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]), Buffer.from(xml, "utf8")]);
}

/**
 * Encrypts the bytes of an .xlsx (a ZIP package) with `password`; returns the bytes of the
 * encrypted workbook (an OLE compound file). `random(n)` supplies the salts and keys.
 */
export function encryptPackage(pkg, password, options = {}) {
  const random = options.random ?? randomBytes;
  const spinCount = options.spinCount ?? DEFAULT_SPIN_COUNT;
  const keySalt = random(SALT_BYTES);
  const passwordSalt = random(SALT_BYTES);
  const secretKey = random(KEY_BYTES);
  const verifierInput = random(SALT_BYTES);
  const hmacKey = random(HASH_BYTES);

  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(pkg.length), 0);
  const encryptedPackage = Buffer.concat([size, cryptSegments("encrypt", secretKey, keySalt, pkg)]);

  const spun = spunHash(password, passwordSalt, spinCount);
  const encrypt = (blockKey, data) => aes("encrypt", deriveKey(spun, blockKey), passwordSalt, padBlock(data));
  const hmacValue = createHmac("sha512", hmacKey).update(encryptedPackage).digest();
  const info = encryptionInfo({
    spinCount,
    keySalt,
    passwordSalt,
    encryptedVerifierHashInput: encrypt(BLOCK_KEYS.verifierHashInput, verifierInput),
    encryptedVerifierHashValue: encrypt(BLOCK_KEYS.verifierHashValue, sha512(verifierInput)),
    encryptedKeyValue: encrypt(BLOCK_KEYS.encryptedKeyValue, secretKey),
    encryptedHmacKey: aes("encrypt", secretKey, ivFor(keySalt, BLOCK_KEYS.hmacKey), padBlock(hmacKey)),
    encryptedHmacValue: aes("encrypt", secretKey, ivFor(keySalt, BLOCK_KEYS.hmacValue), padBlock(hmacValue)),
  });

  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(dataSpaceStreams())) XLSX.CFB.utils.cfb_add(cfb, path, data);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", encryptedPackage);
  return Buffer.from(XLSX.CFB.write(cfb, { type: "buffer" }));
}

function attr(xml, element, name) {
  const el = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0] ?? "";
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(el);
  if (!m) throw new Error(`EncryptionInfo: ${element}@${name} missing`);
  return m[1];
}

function stream(cfb, name) {
  const entry = XLSX.CFB.find(cfb, name);
  if (!entry || !entry.content) throw new Error(`${name} stream missing`);
  return Buffer.from(entry.content);
}

/**
 * Decrypts an Agile-encrypted workbook: checks the password against the verifier and the
 * package against its HMAC, then returns the .xlsx bytes. Throws on a wrong password.
 */
export function decryptPackage(bytes, password) {
  const cfb = XLSX.CFB.read(bytes, { type: "buffer" });
  const info = stream(cfb, "EncryptionInfo");
  if (info.readUInt16LE(0) !== 4 || info.readUInt16LE(2) !== 4) throw new Error("not Agile encryption (version 4.4)");
  const xml = info.subarray(8).toString("utf8");
  const b64 = (element, name) => Buffer.from(attr(xml, element, name), "base64");
  const keySalt = b64("keyData", "saltValue");
  const passwordSalt = b64("p:encryptedKey", "saltValue");
  const spinCount = Number(attr(xml, "p:encryptedKey", "spinCount"));

  const spun = spunHash(password, passwordSalt, spinCount);
  const decrypt = (blockKey, data) => aes("decrypt", deriveKey(spun, blockKey), passwordSalt, data);
  const verifierInput = decrypt(BLOCK_KEYS.verifierHashInput, b64("p:encryptedKey", "encryptedVerifierHashInput")).subarray(0, SALT_BYTES);
  const verifierHash = decrypt(BLOCK_KEYS.verifierHashValue, b64("p:encryptedKey", "encryptedVerifierHashValue")).subarray(0, HASH_BYTES);
  if (!timingSafeEqual(sha512(verifierInput), verifierHash)) throw new Error("wrong password");
  const secretKey = decrypt(BLOCK_KEYS.encryptedKeyValue, b64("p:encryptedKey", "encryptedKeyValue")).subarray(0, KEY_BYTES);

  const encryptedPackage = stream(cfb, "EncryptedPackage");
  const hmacKey = aes("decrypt", secretKey, ivFor(keySalt, BLOCK_KEYS.hmacKey), b64("dataIntegrity", "encryptedHmacKey")).subarray(0, HASH_BYTES);
  const hmacValue = aes("decrypt", secretKey, ivFor(keySalt, BLOCK_KEYS.hmacValue), b64("dataIntegrity", "encryptedHmacValue")).subarray(0, HASH_BYTES);
  if (!timingSafeEqual(createHmac("sha512", hmacKey).update(encryptedPackage).digest(), hmacValue)) throw new Error("package integrity check failed");

  const size = Number(encryptedPackage.readBigUInt64LE(0));
  return cryptSegments("decrypt", secretKey, keySalt, encryptedPackage.subarray(8)).subarray(0, size);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, output, password = "pmark"] = process.argv.slice(2);
  if (!input || !output) {
    console.error("usage: node scripts/make-encrypted-xlsx.mjs IN.xlsx OUT.xlsx [PASSWORD]");
    process.exit(2);
  }
  writeFileSync(output, encryptPackage(readFileSync(input), password));
  console.log(`wrote ${output} (password-encrypted, ECMA-376 Agile, AES-256/SHA-512)`);
}
