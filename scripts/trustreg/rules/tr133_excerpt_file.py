"""TR133: an excerpt file is named after its page, one file per page."""

from collections.abc import Iterator

from ..excerpts import excerpt_path
from ..loader import Document
from ..urls import url_problem
from .base import At, Context, rule


@rule("TR133", "excerpt-file", "file",
      "An excerpt's url is a publishable https URL (the vendor's page, never a copy's) and its file "
      "is excerpts/<host>/<slug>.yaml of that URL: one file per page.", kinds=("excerpt",))
def check(doc: Document, ctx: Context) -> Iterator[At]:
    url = doc.data["url"]
    problem = url_problem(url)
    if problem:
        yield At(doc, ("url",), f"URL {url!r} {problem}",
                 "write the page's own https:// address, as the sources citing it do")
        return
    copy_url = (doc.data.get("copy") or {}).get("url")
    if copy_url and url_problem(copy_url):
        yield At(doc, ("copy", "url"), f"URL {copy_url!r} {url_problem(copy_url)}",
                 "write the copy's plain https:// address, or leave it out")
    expected = excerpt_path(url)
    if doc.path != expected:
        taken = (ctx.root / str(expected)).is_file()
        yield At(doc, ("url",),
                 f"the excerpt of {url} is named {expected}"
                 + (", which exists: a page has one excerpt file" if taken else ""),
                 "merge its passages into that file and delete this one" if taken else
                 f"rename the file to {expected}")
