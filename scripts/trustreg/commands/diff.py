"""Semantic diff of the offerings between two git revisions (or a revision and the working tree).

Formatting-only edits are not changes; renamed offerings and dimensions are followed (as
`check --base` follows them). Exit status: 0 (with or without changes), 2 usage error.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", help="the older revision, e.g. main or HEAD~3")
    parser.add_argument("target", nargs="?", help="the newer revision (default: the working tree)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from dataclasses import asdict

    from .. import gitdata
    from ..cli import UsageError
    from ..corrections import files_at, git_renames, working_tree_offerings
    from ..semdiff import diff_registry
    from ..workspace import OFFERINGS_DIR, escaped, find_root

    root = find_root(args.root)
    try:
        base = gitdata.resolve(root, args.base)
        trees = {base: files_at(root, base, OFFERINGS_DIR)}
        if args.target:
            target = gitdata.resolve(root, args.target)
            trees[target] = files_at(root, target, OFFERINGS_DIR)
        renames = git_renames(root, base, target if args.target else None)
    except gitdata.GitError as exc:
        raise UsageError(str(exc)) from None
    for rev, tree in trees.items():  # history cannot be mended: say what is left out, go on
        for path, why in sorted(tree.broken.items()):
            print(f"warning: {escaped(path)} at {rev[:10]} cannot be read ({escaped(why)}): left out",
                  file=sys.stderr)
    old = trees[base].data
    new = trees[target].data if args.target else working_tree_offerings(root)
    diff = diff_registry(old, new, renames)
    if args.format == "json":
        payload = asdict(diff)
        payload["cells"] = [{"offering": c.offering, "dimension": c.dimension,
                             "old_dimension": c.old_dimension,
                             "fields": list(c.fields), "correction": c.is_correction,
                             "old_status": c.old.get("status"), "new_status": c.new.get("status")}
                            for c in diff.cells]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return 0
    lines = [f"added {i}" for i in diff.added] + [f"removed {i}" for i in diff.removed]
    lines += [f"renamed {a} -> {b}" for a, b in diff.renamed]
    lines += [f"renamed dimension {a} -> {b}" for a, b in diff.renamed_dimensions]
    lines += [f"changed {i}: {', '.join(f)}" for i, f in diff.offering_fields.items()]
    for c in diff.cells:
        kind = "corrected" if c.is_correction else ("re-verified" if c.is_reverification else "changed")
        grade = (f" ({c.old.get('status')} -> {c.new.get('status')})"
                 if c.old.get("status") != c.new.get("status") else "")
        was = f" (was {c.old_dimension})" if c.old_dimension else ""
        lines.append(f"{kind} {c.offering}/{c.dimension}{was}{grade}: {', '.join(c.fields)}")
    print("\n".join(escaped(line) for line in lines) if lines else "no changes")
    return 0
