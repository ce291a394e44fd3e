// JSON Schema 2020-12 validation of responses with Ajv, a validator independent of rileva,
// against the `response.schema.json` that `rileva build --target json-schema` writes.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A function judging one response against the schema file at `path`: returns [] when the
 * response is valid, else Ajv's errors as readable lines.
 */
export function schemaValidator(path) {
  let Ajv2020;
  try {
    Ajv2020 = require("ajv/dist/2020").default;
  } catch {
    throw new Error("npm package ajv is missing: run `cd tests/e2e && npm ci`");
  }
  // Formats are annotations in 2020-12 (the schema checks the timestamp with a pattern).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(readFileSync(path, "utf8")));
  return (response) =>
    validate(response) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
