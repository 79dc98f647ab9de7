// Runs after `observable build`: Framework 1.13's page template writes a bare <html> with no
// language, which screen readers need to choose a voice (WCAG 3.1.1). Every page of this site is
// English, so each built page gets lang="en". A page without exactly one bare <html> tag fails the
// build, so a template change upstream cannot silently skip this.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";

const LANG = "en";
const dist = process.argv[2] ?? "dist";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : htmlFiles(path);
    return e.name.endsWith(".html") ? [path] : [];
  });
}

const files = htmlFiles(dist);
if (files.length === 0) {
  console.error(`finish-build: no pages in ${dist}`);
  process.exit(1);
}
for (const file of files) {
  const text = readFileSync(file, "utf8");
  if (text.includes(`<html lang="${LANG}">`)) continue;
  const count = text.split("<html>").length - 1;
  if (count !== 1) {
    console.error(`finish-build: ${file} has ${count} bare <html> tags, expected 1`);
    process.exit(1);
  }
  writeFileSync(file, text.replace("<html>", `<html lang="${LANG}">`));
}
console.error(`finish-build: set lang="${LANG}" on ${files.length} pages`);
