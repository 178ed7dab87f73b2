// dist/ carries a gzip and a Brotli copy beside each file the page loads, for hosts that serve
// precompressed files (scripts/dist.sh); each must decompress to exactly its original and be
// smaller than it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";

const DIST = join(import.meta.dirname, "../../dist");
const ASSET = /\.(html|js|wasm|css)$/;

test("each asset in dist/ has .gz and .br copies that decompress to it", () => {
  const names = readdirSync(DIST);
  const assets = names.filter((n) => ASSET.test(n));
  for (const kind of ["html", "js", "wasm", "css"]) {
    assert.ok(assets.some((n) => n.endsWith(`.${kind}`)), `dist/ has a .${kind} file`);
  }
  for (const name of assets) {
    const original = readFileSync(join(DIST, name));
    for (const [suffix, decompress] of [[".gz", gunzipSync], [".br", brotliDecompressSync]]) {
      // Only a file too small to shrink (the worker's loader) goes without copies.
      if (original.length < 200 && !names.includes(name + suffix)) continue;
      assert.ok(names.includes(name + suffix), `${name}${suffix} is there`);
      const copy = readFileSync(join(DIST, name + suffix));
      assert.ok(decompress(copy).equals(original), `${name}${suffix} decompresses to ${name}`);
      assert.ok(copy.length < original.length, `${name}${suffix} is smaller than ${name}`);
    }
  }
  // Nothing compressed is left without its original (a stale copy from an older build).
  for (const name of names.filter((n) => /\.(gz|br)$/.test(n))) {
    assert.ok(names.includes(name.replace(/\.(gz|br)$/, "")), `${name} has its original`);
  }
});
