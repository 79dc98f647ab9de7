// A store-only ZIP writer (no compression) and CRC-32: enough to hand a reader several files in one
// download, readable by `unzip`, Python's zipfile and every desktop archive tool.
//
// Layout (APPNOTE.TXT, PKWARE): for each file a local header (signature 0x04034b50, version 10,
// method 0 = stored, DOS time and date, CRC-32, sizes, name) followed by its bytes; then a central
// directory with one entry per file (signature 0x02014b50, the same fields plus the local header's
// offset); then the end-of-central-directory record (0x06054b50: entry counts, directory size and
// offset). All integers little-endian. No ZIP64: each file and the whole archive stay below 4 GiB,
// and at most 65,535 entries. Pure: Uint8Array and DataView only.

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP and PNG use. */
const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; ++n) {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes`, as an unsigned 32-bit integer ("123456789" gives 0xCBF43926). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; ++i) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  /** The file's path inside the archive, with "/" between folders. */
  name: string;
  data: Uint8Array;
}

/** The MS-DOS time and date fields of a timestamp (2-second resolution, years 1980–2107). */
export function dosDateTime(date: Date): {time: number; date: number} {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  };
}

/** Version 1.0 (10) is enough to extract stored files; bit 11 of the flags says names are UTF-8. */
const VERSION = 10;
const UTF8_FLAG = 1 << 11;

/**
 * A ZIP archive holding `entries` uncompressed. `modified` stamps every entry (default: 1980-01-01,
 * so the same files always give the same bytes).
 */
export function zipStore(entries: readonly ZipEntry[], modified = new Date(Date.UTC(1980, 0, 1))): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`zipStore: ${entries.length} entries exceed the 65,535 a ZIP without ZIP64 holds`);
  const encoder = new TextEncoder();
  const stamp = dosDateTime(modified);
  const seen = new Set<string>();
  const files = entries.map((e) => {
    if (e.name === "" || e.name.startsWith("/") || e.name.split("/").includes("..")) throw new Error(`zipStore: entry name ${JSON.stringify(e.name)} must be a relative path`);
    if (seen.has(e.name)) throw new Error(`zipStore: entry name ${JSON.stringify(e.name)} appears twice`);
    seen.add(e.name);
    return {name: encoder.encode(e.name), data: e.data, crc: crc32(e.data)};
  });
  const localSize = files.reduce((s, f) => s + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((s, f) => s + 46 + f.name.length, 0);
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff) throw new Error(`zipStore: ${total} bytes exceed the 4 GiB a ZIP without ZIP64 holds`);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  const u16 = (v: number) => {
    view.setUint16(p, v, true);
    p += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(p, v >>> 0, true);
    p += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, p);
    p += b.length;
  };

  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(p);
    u32(0x04034b50);
    u16(VERSION);
    u16(UTF8_FLAG);
    u16(0); // method: stored
    u16(stamp.time);
    u16(stamp.date);
    u32(f.crc);
    u32(f.data.length); // compressed size = size
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // extra field length
    bytes(f.name);
    bytes(f.data);
  }
  const centralStart = p;
  files.forEach((f, i) => {
    u32(0x02014b50);
    u16(VERSION); // made by: MS-DOS attributes, version 1.0
    u16(VERSION);
    u16(UTF8_FLAG);
    u16(0);
    u16(stamp.time);
    u16(stamp.date);
    u32(f.crc);
    u32(f.data.length);
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]);
    bytes(f.name);
  });
  u32(0x06054b50);
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(files.length);
  u16(files.length);
  u32(centralSize);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
