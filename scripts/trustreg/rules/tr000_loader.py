"""Problems the strict loader reports before any rule can run; they cannot be ignored."""

from .base import Rule, register

_ALL = ("offering", "organisation", "registry", "vocabulary")

for _code, _name, _summary in (
    ("TR001", "readable-utf8", "The file is a regular file under the size limit, in UTF-8 "
                               "without BOM or control characters."),
    ("TR002", "yaml-syntax", "The file is one well-formed YAML document."),
    ("TR003", "no-duplicate-keys", "No mapping repeats a key."),
    ("TR004", "no-anchors", "No anchors, aliases or merge keys."),
    ("TR005", "no-tags", "No YAML tags (`!!python/object`, `!!binary`, ...)."),
    ("TR006", "string-keys", "Every mapping key is a string."),
    ("TR007", "nesting-limit", "Nesting stays within the depth limit."),
):
    register(Rule(_code, _name, "file", _summary, kinds=_ALL))
