// Bundles the JSON view's editor (json_editor.mjs and the CodeMirror packages it imports, all
// from node_modules, pinned in package-lock.json) into one minified ES module. Trunk runs it
// after each build (Trunk.toml) and it writes into Trunk's staging folder, so the module ships
// with the page as `codemirror.js`; `node editor/build.mjs <file>` writes elsewhere.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// CodeMirror parses the document for highlighting in the background, in slices of up to 100 ms
// that end early only when input is pending. A slice that long is a long task in its own right
// (a paste of a 1 MB template showed one of 103 ms); 40 ms slices keep every task of the editor
// well under the 100 ms the designer allows itself, at the cost of a few more slices. The
// constant is internal, so it is changed here, and the build fails if it is no longer there.
const SLICE = "Math.min(this.chunkBudget, 100 /* Work.Slice */";
const shorterParseSlices = {
  name: "shorter-parse-slices",
  setup(build) {
    build.onLoad({ filter: /@codemirror[\\/]language[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes(SLICE)) throw new Error(`${args.path}: the parse slice constant moved; look at editor/build.mjs`);
      return { contents: source.replace(SLICE, "Math.min(this.chunkBudget, 40 /* Work.Slice, shortened */"), loader: "js" };
    });
  },
};

const out = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? "dist", "codemirror.js");
await build({
  entryPoints: [join(import.meta.dirname, "json_editor.mjs")],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "eof",
  outfile: out,
  logLevel: "warning",
  plugins: [shorterParseSlices],
});
