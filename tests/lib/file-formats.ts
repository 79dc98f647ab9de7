// Readers for the files the site lets a reader download, written in the tests from the published
// format descriptions and sharing no code with src/ (the writers are src/lib/npy.ts and zip.ts), so a
// misreading of a format in the writer is not mirrored here.
//
// NPY (numpy.lib.format, version 1.0): "\x93NUMPY", major, minor, uint16 LE header length, an ASCII
// Python dict {'descr': …, 'fortran_order': …, 'shape': (…)} padded to a multiple of 64, then data.
// ZIP (PKWARE APPNOTE): found from the end-of-central-directory record; each central entry points
// at a local header whose name and stored bytes follow it.

export interface ParsedNpy {
  version: [number, number];
  headerLength: number;
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  /** The data, read as little-endian float64 (descr must be '<f8'). */
  values: number[];
  /** Offset of the first data byte from the start of the file. */
  dataOffset: number;
}

export function parseNpy(bytes: Uint8Array): ParsedNpy {
  const magic = [0x93, ..."NUMPY"].map((c) => (typeof c === "number" ? c : c.charCodeAt(0)));
  magic.forEach((b, i) => {
    if (bytes[i] !== b) throw new Error(`npy: byte ${i} of the magic string is ${bytes[i]}, expected ${b}`);
  });
  const version: [number, number] = [bytes[6], bytes[7]];
  const headerLength = bytes[8] | (bytes[9] << 8);
  const header = String.fromCharCode(...bytes.subarray(10, 10 + headerLength));
  if (!header.endsWith("\n")) throw new Error("npy: the header does not end with a newline");
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new Error(`npy: header ${JSON.stringify(header)} lacks a key`);
  const shape = shapeText
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(Number);
  if (descr !== "<f8") throw new Error(`npy: descr ${descr} is not '<f8'`);
  const dataOffset = 10 + headerLength;
  const count = shape.reduce((p, n) => p * n, 1);
  if (bytes.length !== dataOffset + 8 * count) throw new Error(`npy: ${bytes.length} bytes, expected ${dataOffset + 8 * count} for shape (${shape})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = Array.from({length: count}, (_, i) => view.getFloat64(dataOffset + 8 * i, true));
  return {version, headerLength, descr, fortranOrder: fortran === "True", shape, values, dataOffset};
}

/** Rows of a 2-D parsed array (C order). */
export function npyRows(a: ParsedNpy): number[][] {
  const [m, n] = a.shape;
  return Array.from({length: m}, (_, i) => a.values.slice(i * n, (i + 1) * n));
}

export interface ZipFile {
  name: string;
  method: number;
  crc: number;
  data: Uint8Array;
}

/** The files of a ZIP archive of stored (uncompressed) entries, from its central directory. */
export function readZip(bytes: Uint8Array): ZipFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let p = bytes.length - 22; p >= 0; --p) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new Error("zip: no end-of-central-directory record");
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let p = view.getUint32(end + 16, true);
  if (p + size !== end) throw new Error(`zip: the central directory (${p} + ${size}) does not end at the end record (${end})`);
  const files: ZipFile[] = [];
  for (let i = 0; i < count; ++i) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`zip: central entry ${i} has a bad signature`);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`zip: ${name}: bad local header signature`);
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const start = local + 30 + localName + localExtra;
    files.push({name, method, crc, data: bytes.subarray(start, start + compressed)});
    p += 46 + nameLength + extra + comment;
  }
  return files;
}
