"""TR120: offerings/ and organisations/ hold nothing but their `<id>.yaml` files, excerpts/
nothing but `<host>/<slug>.yaml`."""

from collections.abc import Iterator
from pathlib import Path

from ..findings import Finding
from ..loader import Document
from ..workspace import EXCERPTS_DIR, display, stray_files
from .base import Context, rule


def _excerpt_why(parts: tuple[str, ...]) -> tuple[str, str]:
    if len(parts) == 2:
        return ("excerpts/ holds only host folders, each of `<slug>.yaml` files",
                "move it to excerpts/<host>/<slug>.yaml or out of excerpts/")
    if len(parts) > 3:
        return ("file in a sub-folder of a host folder of excerpts/ is never checked",
                "move it to excerpts/<host>/<slug>.yaml (see `trustreg cite`)")
    if parts[-1].lower().endswith((".yaml", ".yml")):
        return (f"an excerpt is named <slug>.yaml, in lower case, so {parts[-1]!r} is never "
                "checked", f"rename it to {parts[-1].rsplit('.', 1)[0].lower()}.yaml")
    return ("excerpts/ holds only excerpt files, excerpts/<host>/<slug>.yaml",
            "move it out of excerpts/")


def _why(root: Path, stray: Path) -> tuple[str, str]:
    folder = stray.relative_to(root).parts[0]
    if folder == EXCERPTS_DIR:
        return _excerpt_why(stray.relative_to(root).parts)
    if len(stray.relative_to(root).parts) > 2:
        return (f"file in a sub-folder of {folder}/ is never checked nor published",
                f"move it to {folder}/{stray.name} or out of {folder}/")
    if stray.name.lower().endswith((".yaml", ".yml")):
        return (f"suffix {stray.suffix!r} is not .yaml in lower case, so the file is never "
                "checked nor published", f"rename it to {stray.stem}.yaml")
    return (f"{folder}/ holds only data files, named <id>.yaml",
            f"move it out of {folder}/")


@rule("TR120", "stray-files", "registry",
      "offerings/ and organisations/ hold only `<id>.yaml` files, excerpts/ only "
      "`<host>/<slug>.yaml` files: no other names, suffix cases or sub-folders (hidden files and "
      "~ backups aside).", kinds=("offering", "organisation"))
def check(docs: list[Document], ctx: Context) -> Iterator[Finding]:
    for stray in stray_files(ctx.root):
        message, hint = _why(ctx.root, stray)
        yield Finding(display(ctx.root, stray), 1, 1, "TR120", message, hint)
