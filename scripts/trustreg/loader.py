"""The strict YAML loader: plain JSON-like data, each value with its line and column.

UTF-8 only, one document, no duplicate keys, anchors, aliases, merge keys or tags, string
keys only, YAML 1.2 core scalars (dates stay strings, `no` is a string), bounded size and
depth. It reads parser events once and builds the data directly, so that no alias can
expand and every value keeps the mark a finding needs.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from .findings import Finding, FindingError

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_INT = 2**63  # larger integers do not survive every JSON tool (nor Python's str(int) limit)

PathKey = tuple[str | int, ...]

try:  # libyaml's event parser is about 8x faster than the pure one
    from yaml.cyaml import CParser as _Parser

    C_PARSER = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)

    C_PARSER = False

# control characters, YAML's extra line breaks, bidirectional overrides (text that reads
# differently from what it holds), BOM and non-characters
_FORBIDDEN = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
              "\ufeff\ufffe\uffff")
FORBIDDEN_CHARS = re.compile(f"[{_FORBIDDEN}]")
_FORBIDDEN_IN_VALUES = re.compile(f"[{_FORBIDDEN}\r]")  # a line break in a value is always \n
_FORBIDDEN_HINT = "remove control, line separator, bidirectional override and BOM characters"
# the YAML 1.2 core schema's plain scalars that are not strings, in its order of precedence
_CORE = re.compile(r"(?P<null>~|null|Null|NULL|)|(?P<true>true|True|TRUE)|(?P<false>false|False|FALSE)"
                   r"|(?P<int>[-+]?[0-9]+)|(?P<oct>0o[0-7]+)|(?P<hex>0x[0-9a-fA-F]+)"
                   r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
                   r"|(?P<special>[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))")
_WORD = re.compile(r"\S+")
_CONSTANTS = {"null": None, "true": True, "false": False}
_CORE_FIRST = frozenset("~nNtTfF+-.0123456789")  # how every non-string above begins


@dataclass
class Document:
    """A loaded file: its data, and where each value (and each mapping key) stands.

    The loader records marks as a flat list in the order it met them (a value's mark, and
    for each mapping entry its key's mark before its value's); they are indexed by path only
    when a finding asks, which keeps loading fast.
    """

    path: str
    text: str
    data: Any
    order: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def _index(self) -> tuple[dict[PathKey, tuple[int, int]], dict[PathKey, tuple[int, int]]]:
        marks: dict[PathKey, tuple[int, int]] = {}
        key_marks: dict[PathKey, tuple[int, int]] = {}
        if not self.order:  # data made in memory, not loaded
            return marks, key_marks
        taken = iter(self.order)

        def walk(value: Any, where: PathKey) -> None:
            marks[where] = next(taken)
            if isinstance(value, dict):
                for key, item in value.items():
                    key_marks[(*where, key)] = next(taken)
                    walk(item, (*where, key))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    walk(item, (*where, i))

        walk(self.data, ())
        return marks, key_marks

    @property
    def marks(self) -> dict[PathKey, tuple[int, int]]:
        """Path of each value -> (line, column)."""
        return self._index[0]

    @property
    def key_marks(self) -> dict[PathKey, tuple[int, int]]:
        """Path of each mapping entry -> (line, column) of its key."""
        return self._index[1]

    def mark(self, where: PathKey, *, key: bool = False) -> tuple[int, int]:
        """The line and column of a value (or of its key), or of its nearest ancestor."""
        where = tuple(where)
        while where:
            found = (self.key_marks if key else self.marks).get(where) or self.marks.get(where)
            if found:
                return found
            where = where[:-1]
        return self.marks.get((), (1, 1))

    def finding(self, where: PathKey, code: str, message: str, hint: str = "",
                *, key: bool = False, severity: str = "error") -> Finding:
        line, col = self.mark(where, key=key)
        return Finding(self.path, line, col, code, message, hint, severity)  # type: ignore[arg-type]


class LazyDocument(Document):
    """A loaded file that keeps its data and text; marks are re-read only when asked for.

    Thousands of checked files stay small in memory (and cheap to send between processes
    or to cache); the few that a cross-file rule reports on are parsed again for their marks.
    """

    def __init__(self, path: str, text: str, data: Any) -> None:
        self.path, self.text, self.data = path, text, data

    @cached_property
    def order(self) -> list[tuple[int, int]]:  # type: ignore[override]
        return loads(self.text, self.path).order

    def __reduce__(self) -> tuple[Any, ...]:
        return LazyDocument, (self.path, self.text, self.data)


def slim(doc: Document) -> LazyDocument:
    return doc if isinstance(doc, LazyDocument) else LazyDocument(doc.path, doc.text, doc.data)


def dotted(where: PathKey) -> str:
    """A data path as people write it: cells.gdpr_dpa.sources[0].url."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _fail(path: str, line: int, col: int, code: str, message: str, hint: str) -> FindingError:
    return FindingError(Finding(path, line, col, code, message, hint))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(raw: bytes, path: str) -> str:
    """Strict UTF-8 text, without a BOM or characters that YAML treats as line breaks."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, 1, 1, "TR001", "file starts with a byte-order mark",
                    "save the file as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        line, col = _line_col(before, len(before))
        raise _fail(path, line, col, "TR001", f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
                    "save the file as UTF-8") from None
    bad = FORBIDDEN_CHARS.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        raise _fail(path, line, col, "TR001", f"forbidden character U+{ord(bad.group()):04X}",
                    _FORBIDDEN_HINT)
    return text


def read_bytes(file: Path, display: str, max_bytes: int = MAX_BYTES) -> bytes:
    """A data file's bytes, refusing links, non-files and oversized files."""
    try:
        info = os.lstat(file)
        if stat.S_ISLNK(info.st_mode):
            raise _fail(display, 1, 1, "TR001", "file is a symbolic link",
                        "commit the file itself, not a link")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(display, 1, 1, "TR001", "not a regular file", "give a YAML file")
        if info.st_size > max_bytes:
            raise _fail(display, 1, 1, "TR001", f"file is {info.st_size} bytes, over the "
                        f"{max_bytes} limit", "an offering file should be a few kilobytes; split or trim it")
        with open(file, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise _fail(display, 1, 1, "TR001", f"cannot read file: {exc.strerror}",
                    "check the path and permissions") from None


def read_text(file: Path, display: str, max_bytes: int = MAX_BYTES) -> str:
    """Read a data file as strict UTF-8 (see read_bytes and decode)."""
    return decode(read_bytes(file, display, max_bytes), display)


class OutOfRange(ValueError):
    """A plain number too large to pass through JSON tools unchanged."""


class NotJSON(ValueError):
    """A plain .inf or .nan: YAML numbers that JSON has no way to write."""


def _int(digits: str, base: int) -> int:
    if len(digits) > 70:  # far beyond MAX_INT in any base; spare the conversion
        raise OutOfRange
    number = int(digits, base)
    if not -MAX_INT <= number < MAX_INT:
        raise OutOfRange
    return number


def _scalar(value: str, plain: bool) -> Any:
    """Resolve a scalar by the YAML 1.2 core schema; quoted scalars are always strings.

    Raises OutOfRange for integers beyond 64 bits and floats beyond double range, NotJSON
    for .inf and .nan.
    """
    if not plain or (value and value[0] not in _CORE_FIRST):
        return value
    match = _CORE.fullmatch(value)
    if match is None:
        return value
    kind = match.lastgroup
    if kind in _CONSTANTS:
        return _CONSTANTS[kind]
    if kind == "int":
        return _int(value, 10)
    if kind in ("oct", "hex"):
        return _int(value[2:], 8 if kind == "oct" else 16)
    if kind == "special":
        raise NotJSON
    number = float(value)
    if math.isinf(number):
        raise OutOfRange
    return number


class _Builder:
    """Turns one document's parser events into data and marks."""

    def __init__(self, text: str, path: str) -> None:
        self.events = _Parser(text)
        self.path = path
        self.doc = Document(path, text, None)
        self.order = self.doc.order

    def fail(self, event: Any, code: str, message: str, hint: str) -> FindingError:
        mark = event.start_mark
        return _fail(self.path, mark.line + 1, mark.column + 1, code, message, hint)

    def scalar(self, event: ScalarEvent) -> Any:
        plain = event.implicit[0] and event.style in (None, "")
        bad = _FORBIDDEN_IN_VALUES.search(event.value) if event.style == '"' else None
        if bad:  # written as an escape such as "\x1b"
            raise self.fail(event, "TR001", f"forbidden character U+{ord(bad.group()):04X}",
                            _FORBIDDEN_HINT)
        try:
            return _scalar(event.value, plain)
        except NotJSON:
            raise self.fail(event, "TR002", f"{event.value} is not a JSON number",
                            "quote it if it is text") from None
        except OutOfRange:
            shown = event.value if len(event.value) <= 30 else event.value[:27] + "..."
            raise self.fail(event, "TR002", f"number {shown} is out of range",
                            "quote it if it is text") from None

    def build(self) -> Document:
        self._expect(StreamStartEvent)
        if self.events.check_event(StreamEndEvent):
            self.doc.order.append((1, 1))
            return self.doc
        self._expect(DocumentStartEvent)
        self.doc.data = self._node(self.events.get_event(), 0)
        self._expect(DocumentEndEvent)
        if not self.events.check_event(StreamEndEvent):
            raise self.fail(self.events.peek_event(), "TR002", "more than one YAML document",
                            "remove the second `---` document")
        return self.doc

    def _expect(self, kind: type) -> None:
        event = self.events.get_event()
        if not isinstance(event, kind):  # pragma: no cover - the parser guarantees the order
            raise self.fail(event, "TR002", "unexpected YAML structure", "check the file's layout")

    def _node(self, event: Any, depth: int) -> Any:
        """The value that starts with event (each event is fetched once: this is the hot loop)."""
        if type(event) is AliasEvent or event.anchor or event.tag not in (None, "!") or depth > MAX_DEPTH:
            self._refuse_extensions(event, depth)
        mark = event.start_mark
        self.order.append((mark.line + 1, mark.column + 1))
        kind = type(event)
        if kind is ScalarEvent:
            return self.scalar(event)
        if kind is SequenceStartEvent:
            items: list[Any] = []
            get = self.events.get_event
            while type(item := get()) is not SequenceEndEvent:
                items.append(self._node(item, depth + 1))
            return items
        if kind is MappingStartEvent:
            return self._mapping(depth)
        raise self.fail(event, "TR002", "unexpected YAML event",  # pragma: no cover
                        "check the file's layout")

    def _mapping(self, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        get = self.events.get_event
        while type(event := get()) is not MappingEndEvent:
            plain_key = type(event) is ScalarEvent
            if not plain_key or event.anchor or event.tag not in (None, "!") or depth >= MAX_DEPTH:
                self._refuse_extensions(event, depth + 1)
            if not plain_key:
                raise self.fail(event, "TR006", "mapping key is not a plain string",
                                "use a simple word as the key")
            key = self.scalar(event)
            if key == "<<" and event.style in (None, ""):
                raise self.fail(event, "TR004", "merge keys (`<<`) are not allowed",
                                "write the keys out in full")
            if not isinstance(key, str):
                raise self.fail(event, "TR006", f"mapping key {event.value!r} is not a string",
                                "keys must be strings; quote it or rename it")
            mark = event.start_mark
            if key in mapping:
                raise self.fail(event, "TR003", f"duplicate key {key!r} (first at line {key_lines[key]})",
                                "keep one of the two entries")
            key_lines[key] = mark.line + 1
            self.order.append((mark.line + 1, mark.column + 1))
            mapping[key] = self._node(get(), depth + 1)
        return mapping

    def _refuse_extensions(self, event: Any, depth: int) -> None:
        if isinstance(event, AliasEvent):
            raise self.fail(event, "TR004", f"alias *{event.anchor} is not allowed",
                            "write the value out in full instead of referring to an anchor")
        if getattr(event, "anchor", None):
            raise self.fail(event, "TR004", f"anchor &{event.anchor} is not allowed",
                            "remove the anchor; data files use no anchors or aliases")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise self.fail(event, "TR005", f"tag {tag} is not allowed",
                            "remove the tag; values are plain strings, numbers, booleans, lists and maps")
        if depth > MAX_DEPTH:
            raise self.fail(event, "TR007", f"nesting deeper than {MAX_DEPTH} levels",
                            "flatten the structure")


def loads(text: str, path: str) -> Document:
    """Load YAML text strictly; raises FindingError with file:line:col on any problem."""
    try:
        return _Builder(text, path).build()
    except UnicodeDecodeError:  # libyaml decodes a tag's %-escapes late, without their place
        raise _tag_not_utf8(text, path) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        lines = text.split("\n")
        if line > len(lines):  # libyaml places the end of a file without final newline past it
            line, col = len(lines), len(lines[-1]) + 1
        if "nesting depth" in problem:  # PyYAML >= 6.0.4 limits depth itself, scanning ahead
            raise _fail(path, line, col, "TR007", f"nesting deeper than {MAX_DEPTH} levels",
                        "flatten the structure") from None
        at_tab = 0 < line <= len(lines) and lines[line - 1][col - 1:col] == "\t"
        hint = "use spaces, not tabs, to indent" if at_tab or "tab" in problem else \
            "fix the YAML syntax at this place"
        raise _fail(path, line, col, "TR002", f"YAML syntax error: {problem}", hint) from None
    except yaml.YAMLError as exc:
        raise _fail(path, 1, 1, "TR002", f"YAML error: {exc}", "fix the YAML syntax") from None
    except RecursionError:
        raise _fail(path, 1, 1, "TR007", "nesting too deep", "flatten the structure") from None


def _tag_not_utf8(text: str, path: str) -> FindingError:
    """The finding for a tag whose %-escapes are not UTF-8, at the first such tag (one linear
    pass over the words of the text; the pure-Python parser would take seconds on a megabyte)."""
    line, col = 1, 1
    for word in _WORD.finditer(text):
        tag = word.group()
        start = tag.find("!")
        if 0 <= start < tag.find("%"):
            try:
                unquote_to_bytes(tag[start:]).decode("utf-8")
            except UnicodeDecodeError:
                line, col = _line_col(text, word.start() + start)
                break
    return _fail(path, line, col, "TR005", "a tag's %-escapes are not valid UTF-8",
                 "remove the tag; values are plain strings, numbers, booleans, lists and maps")


def load(file: Path, display: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read and strictly load one YAML file."""
    name = display if display is not None else str(file)
    return loads(read_text(file, name, max_bytes), name)
