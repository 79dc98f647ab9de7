// NumPy's .npy format, version 1.0, for float64 arrays: what `np.load` reads.
//
// A file is
//   magic "\x93NUMPY" (6 bytes) | major 1, minor 0 (2 bytes) | header length H (uint16, little-endian)
//   | header: an ASCII Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (…), }
//     padded with spaces and ended by "\n" so that 6 + 2 + 2 + H is a multiple of 64
//   | the data: the values in C (row-major) order, each an IEEE 754 double, little-endian.
// Version 1.0 allows a header of up to 65,535 bytes; ours is under 128 for any shape we write.
// Pure: no DOM, no Node APIs (Uint8Array and DataView only).

/** One array to save: its dimensions and its values in row-major order. */
export interface NpyArray {
  shape: readonly number[];
  data: ArrayLike<number>;
}

/** The 6-byte magic string every .npy file starts with. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as const;

/** The preamble before the header dict (magic, version, header length) and the alignment of the data. */
const PREAMBLE = 10;
const ALIGN = 64;

/** Python's repr of a shape tuple: () for a scalar, (n,) for one dimension, (m, n) otherwise. */
export function shapeTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(", ")})`;
}

/** The header dict padded with spaces and a final newline, so the data starts at a multiple of 64. */
export function npyHeader(shape: readonly number[]): string {
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeTuple(shape)}, }`;
  const unpadded = PREAMBLE + dict.length + 1;
  const padding = (ALIGN - (unpadded % ALIGN)) % ALIGN;
  return dict + " ".repeat(padding) + "\n";
}

/** The bytes of a .npy file holding `array` as float64, little-endian, C order. */
export function encodeNpy(array: NpyArray): Uint8Array {
  const {shape, data} = array;
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`encodeNpy: shape ${JSON.stringify(shape)} must hold non-negative integers`);
  }
  const count = shape.reduce((p, n) => p * n, 1);
  if (data.length !== count) throw new Error(`encodeNpy: shape ${shapeTuple(shape)} needs ${count} values, got ${data.length}`);
  const header = npyHeader(shape);
  if (header.length > 0xffff) throw new Error(`encodeNpy: a header of ${header.length} bytes does not fit version 1.0`);
  const bytes = new Uint8Array(PREAMBLE + header.length + 8 * count);
  bytes.set(NPY_MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; ++i) bytes[PREAMBLE + i] = header.charCodeAt(i);
  const start = PREAMBLE + header.length;
  for (let i = 0; i < count; ++i) view.setFloat64(start + 8 * i, data[i], true);
  return bytes;
}

/** A matrix given as rows (rows[i][j]) as an NpyArray of shape [rows, columns]. */
export function matrixArray(rows: readonly (readonly number[])[], columns = rows[0]?.length ?? 0): NpyArray {
  const data: number[] = [];
  rows.forEach((row, i) => {
    if (row.length !== columns) throw new Error(`matrixArray: row ${i} has ${row.length} values, expected ${columns}`);
    data.push(...row);
  });
  return {shape: [rows.length, columns], data};
}
