// node validate.mjs PATH/openapi.json
// Validates an OpenAPI document against the official OpenAPI JSON schema of its version (3.0.x here)
// with @seriousme/openapi-schema-validator, and resolves every $ref. Exit 0 when valid, 1 when not,
// 2 on bad usage or an unreadable file.
import { readFile } from "node:fs/promises";
import { Validator } from "@seriousme/openapi-schema-validator";

const path = process.argv[2];
if (!path) {
  console.error("usage: node validate.mjs PATH/openapi.json");
  process.exit(2);
}
let spec;
try {
  spec = JSON.parse(await readFile(path, "utf8"));
} catch (e) {
  console.error(`cannot read ${path}: ${e.message}`);
  process.exit(2);
}
const validator = new Validator();
const result = await validator.validate(spec);
if (!result.valid) {
  console.error(`${path}: INVALID (OpenAPI ${validator.version})`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
try {
  validator.resolveRefs();  // throws on a $ref that points nowhere
} catch (e) {
  console.error(`${path}: ${e.message}`);
  process.exit(1);
}
const operations = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0);
console.log(`${path}: valid OpenAPI ${validator.version}: ${Object.keys(spec.paths).length} paths, ` +
            `${operations} operations, ${Object.keys(spec.components.schemas).length} schemas`);
