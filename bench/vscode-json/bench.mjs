// vscode-json-languageservice, what VS Code runs for a JSON file with a schema: the peer closest
// to `check`, since it also goes from text to positioned diagnostics. On the same inputs as the
// criterion benchmark and the ajv peer: each file's text, with the derived schema of the
// template's API version bound to the image template resource (at its pointer, so an ARM
// template's resource is checked as in `check`).
// Usage: node bench.mjs <bench-inputs.json> ; prints JSON {label: {ns, diagnostics}}: `ns` is one
// TextDocument.create + parseJSONDocument + doValidation; `diagnostics` how many it reported.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
// The package is CommonJS for Node (its ESM build is for bundlers): import the default export.
import languageService from "vscode-json-languageservice";

const { getLanguageService, TextDocument } = languageService;

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "../../validator-core/schemas");
const inputs = JSON.parse(readFileSync(process.argv[2], "utf8"));

// The derived schemas declare `$id` https://aib-designer.local/schemas/<version>.json; they are
// registered under that URI, so nothing is fetched: any other request fails loudly.
const schemaUri = (version) => `https://aib-designer.local/schemas/${version}.json`;
const service = getLanguageService({
  schemaRequestService: (uri) => Promise.reject(new Error(`no download in a benchmark: ${uri}`)),
});

// A schema that applies `schema` at a JSON pointer of the document (properties and tuple items
// down to it), so that one document may hold the resource anywhere, as ARM templates do.
const atPointer = (pointer, schema) =>
  pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduceRight(
      (inner, token) =>
        /^(0|[1-9][0-9]*)$/.test(token)
          ? { items: [...Array(Number(token)).fill({}), inner] }
          : { properties: { [token]: inner } },
      schema,
    );

// One document per label (a file may hold several templates: all their schemas apply).
const byLabel = new Map();
for (const { label, apiVersion, pointer, text } of inputs) {
  if (!byLabel.has(label)) byLabel.set(label, { text, parts: [] });
  byLabel.get(label).parts.push(atPointer(pointer, { $ref: schemaUri(apiVersion) }));
}
const versions = [...new Set(inputs.map((i) => i.apiVersion))];
const versionSchemas = versions.map((v) => ({
  uri: schemaUri(v),
  schema: JSON.parse(readFileSync(join(schemaDir, `${v}.json`), "utf8")),
}));
const documentUri = (label) => `file:///bench/${label}.json`;

// Binds the label's schema to its document. An ARM template names the ARM deployment schema in
// its `$schema`, which the language service prefers to any file association (VS Code would
// download it); that URI is registered with the label's schema too, so the template is checked
// against the derived schema like in `check`, and nothing is downloaded. Done before timing each
// label; the service resolves the schema once and caches it, as in the editor.
const configureFor = (label, text) => {
  const { parts } = byLabel.get(label);
  // Draft-07 like the derived schemas: `items` as a list is a tuple there (not in 2020-12).
  const schema = { $schema: "http://json-schema.org/draft-07/schema#", allOf: parts };
  const root = service.parseJSONDocument(TextDocument.create(documentUri(label), "json", 0, text)).root;
  const declared = root?.type === "object"
    ? root.properties.find((p) => p.keyNode.value === "$schema" && p.valueNode?.type === "string")
    : undefined;
  service.configure({
    validate: true,
    allowComments: true,
    schemas: [
      ...versionSchemas,
      { uri: `file:///bench-schemas/${label}.json`, fileMatch: [documentUri(label)], schema },
      ...(declared ? [{ uri: declared.valueNode.value, schema }] : []),
    ],
  });
};
// Like `check`: comments accepted, trailing commas reported but not fatal.
const settings = { comments: "ignore", trailingCommas: "warning" };

let version = 0;
const validate = async (label, text) => {
  const document = TextDocument.create(documentUri(label), "json", ++version, text);
  return service.doValidation(document, service.parseJSONDocument(document), settings);
};

// Times `run` until about two seconds have passed, after a warm-up; nanoseconds per call. The
// schemas are resolved during the warm-up (cached by the service, as in the editor).
const time = async (run) => {
  for (let i = 0; i < 500; i++) await run();
  let iterations = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 2_000_000_000n) {
    for (let i = 0; i < 20; i++) await run();
    iterations += 20;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / iterations;
};

const results = {};
for (const [label, { text }] of byLabel) {
  configureFor(label, text);
  const diagnostics = await validate(label, text);
  const failed = diagnostics.find((d) => /no download in a benchmark|Unable to load schema/.test(d.message));
  if (failed) throw new Error(`${label}: schema not resolved: ${failed.message}`);
  const ns = await time(() => validate(label, text));
  results[label] = { ns, diagnostics: diagnostics.length };
}
console.log(JSON.stringify(results));
