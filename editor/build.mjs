// Bundles the JSON view's editor (json_editor.mjs and the CodeMirror packages it imports, all
// from node_modules, pinned in package-lock.json) into one minified ES module. Trunk runs it
// after each build (Trunk.toml) and it writes into Trunk's staging folder, so the module ships
// with the page as `codemirror.js`; `node editor/build.mjs <file>` writes elsewhere.
import { build } from "esbuild";
import { join } from "node:path";

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
});
