// ajv (the fastest JavaScript JSON Schema validator) on the same inputs as the criterion
// benchmark: each template resource against the derived schema of its API version.
// Usage: node bench.mjs <bench-inputs.json> ; prints JSON {label: nanoseconds per validation}.
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

const results = {};
for (const { label, apiVersion, resource } of inputs) {
  const validate = validatorFor(apiVersion);
  let errors = 0;
  // Warm up the JIT, then time batches until about two seconds have passed.
  for (let i = 0; i < 20000; i++) validate(resource);
  let iterations = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 2_000_000_000n) {
    for (let i = 0; i < 10000; i++) {
      if (!validate(resource)) errors = validate.errors.length;
    }
    iterations += 10000;
    elapsed = process.hrtime.bigint() - start;
  }
  results[label] = { ns: Number(elapsed) / iterations, errors };
}
console.log(JSON.stringify(results));
