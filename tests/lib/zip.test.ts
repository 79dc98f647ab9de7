import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {crc32, dosDateTime, zipStore} from "../../src/lib/zip.js";
import {readZip} from "./file-formats.js";

const text = (s: string) => new TextEncoder().encode(s);

/** A bitwise CRC-32, one bit at a time from the polynomial's definition (no table), to check the table's. */
function crc32Bitwise(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; ++k) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe("crc32", () => {
  it("gives the published check values", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(text("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
    expect(crc32(text("a"))).toBe(0xe8b7be43);
  });
  it("agrees with a bitwise computation on every byte value", () => {
    const all = Uint8Array.from({length: 1000}, (_, i) => (i * 37 + 11) & 0xff);
    expect(crc32(all)).toBe(crc32Bitwise(all));
  });
});

describe("dosDateTime", () => {
  it("packs a date and time into MS-DOS fields", () => {
    // 2024-03-05 14:07:42 → date (44 << 9) | (3 << 5) | 5, time (14 << 11) | (7 << 5) | 21
    expect(dosDateTime(new Date(Date.UTC(2024, 2, 5, 14, 7, 42)))).toEqual({date: (44 << 9) | (3 << 5) | 5, time: (14 << 11) | (7 << 5) | 21});
  });
});

const entries = [
  {name: "net/W0.npy", data: Uint8Array.from({length: 300}, (_, i) => (i * 7) & 0xff)},
  {name: "net/README.txt", data: text("hello, zip\n")},
  {name: "net/empty.bin", data: new Uint8Array()}
];

describe("zipStore", () => {
  it("is read back by an independent reader: names, stored method, CRC and bytes", () => {
    const files = readZip(zipStore(entries));
    expect(files.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    files.forEach((f, i) => {
      expect(f.method).toBe(0);
      expect(f.crc).toBe(crc32Bitwise(entries[i].data));
      expect([...f.data]).toEqual([...entries[i].data]);
    });
  });
  it("gives the same bytes for the same files", () => {
    expect(zipStore(entries)).toEqual(zipStore(entries));
  });
  it("refuses names that would escape the folder or repeat", () => {
    expect(() => zipStore([{name: "../x", data: new Uint8Array()}])).toThrow(/relative path/);
    expect(() => zipStore([{name: "/x", data: new Uint8Array()}])).toThrow(/relative path/);
    expect(() => zipStore([entries[1], entries[1]])).toThrow(/twice/);
  });

  const hasUnzip = spawnSync("unzip", ["-v"]).status === 0;
  const hasPython = spawnSync("python3", ["-c", "import zipfile"]).status === 0;
  it.runIf(hasUnzip)("passes `unzip -t` (skipped when unzip is not installed)", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
    try {
      const file = join(dir, "a.zip");
      writeFileSync(file, zipStore(entries));
      const out = execFileSync("unzip", ["-t", file], {encoding: "utf8"});
      expect(out).toContain("No errors detected");
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
  it.runIf(hasPython)("is read by Python's zipfile, whose testzip finds no bad CRC (skipped without python3)", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
    try {
      const file = join(dir, "a.zip");
      writeFileSync(file, zipStore(entries));
      const script = "import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({'bad': z.testzip(), 'files': [[i.filename, i.file_size, i.compress_type, list(z.read(i))] for i in z.infolist()]}))";
      const out = JSON.parse(execFileSync("python3", ["-c", script, file], {encoding: "utf8"}));
      expect(out.bad).toBeNull();
      expect(out.files).toEqual(entries.map((e) => [e.name, e.data.length, 0, [...e.data]]));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
