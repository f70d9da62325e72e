// Compiles the document schemas the way an editor's validator does, under Ajv's strict mode.
// Usage: node tests/ajv_strict.cjs SCHEMA.json… ; prints one line per schema, exit 1 when one does not compile.
"use strict";
const fs = require("node:fs");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

// The keywords yaml-language-server and VS Code read beside JSON Schema's own: known, never validated.
const EDITOR_KEYWORDS = [
  "markdownDescription",
  "patternErrorMessage",
  "errorMessage",
  "defaultSnippets",
  "enumDescriptions",
  "markdownEnumDescriptions",
  "deprecationMessage",
  "doNotSuggest",
  "suggestSortText",
];

let failed = false;
for (const file of process.argv.slice(2)) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword(keyword);
  try {
    ajv.compile(JSON.parse(fs.readFileSync(file, "utf8")));
    process.stdout.write(`ok ${file}\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`FAIL ${file}: ${error.message}\n`);
  }
}
process.exit(failed ? 1 : 0);
