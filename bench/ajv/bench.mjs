// ajv (the fastest JavaScript JSON Schema validator) on the same inputs as the criterion
// benchmark: each template resource against the derived schema of its API version.
// Usage: node bench.mjs <bench-inputs.json> ; prints JSON {label: {ns, parseNs, errors}}:
// `ns` is ajv's schema check alone on the already-parsed resource; `parseNs` adds JSON.parse of
// the whole file, the part of `check` that ajv does not do.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "../../validator-core/schemas");
const inputs = JSON.parse(readFileSync(process.argv[2], "utf8"));

// allErrors: like `check`, report every error rather than stop at the first.
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map();
const validatorFor = (version) => {
  if (!validators.has(version)) {
    const schema = JSON.parse(readFileSync(join(schemaDir, `${version}.json`), "utf8"));
    validators.set(version, ajv.compile(schema)); // compiled once, outside the timing
  }
  return validators.get(version);
};

// Times `run` until about two seconds have passed, after a warm-up; nanoseconds per call.
const time = (run) => {
  for (let i = 0; i < 2000; i++) run();
  let iterations = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 2_000_000_000n) {
    for (let i = 0; i < 100; i++) run();
    iterations += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / iterations;
};

let sink = null;
const results = {};
for (const { label, apiVersion, resource, text } of inputs) {
  const validate = validatorFor(apiVersion);
  const errors = validate(resource) ? 0 : validate.errors.length;
  const ns = time(() => validate(resource));
  // The text may not be strict JSON (comments); then only the schema check is timed.
  let parseNs = null;
  try {
    JSON.parse(text);
    parseNs = time(() => {
      sink = JSON.parse(text); // kept, so the parse cannot be optimised away
      return validate(resource);
    });
  } catch {}
  results[label] = { ns, parseNs, errors };
}
console.log(JSON.stringify(results));
if (sink === undefined) console.error("unreachable");
