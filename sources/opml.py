"""OPML (the feed-reader export format) to feed dicts: {"url", "name", "category"}.

OPML files come from other people's feed readers, so they are parsed as untrusted XML: any DTD
(`<!DOCTYPE`, hence any `<!ENTITY`) is refused before anything is expanded, which stops billion-laughs
bombs and external-entity (XXE) reads. With `defusedxml` installed that library does the refusing;
without it, a pyexpat pass that raises on the first DOCTYPE declaration runs before
`xml.etree.ElementTree.XMLParser` builds the tree.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from transforms.urls import canonical_url

try:  # optional: preferred when present
    import defusedxml.ElementTree as _defused_et
    from defusedxml import DefusedXmlException as _DefusedXmlException
except ImportError:  # pragma: no cover - depends on the environment
    _defused_et = None  # type: ignore[assignment]  # None marks the stdlib fallback
    _DefusedXmlException = None  # type: ignore[assignment,misc]

MAX_OPML_BYTES = 5 * 1024 * 1024


class OpmlError(ValueError):
    """The file is not OPML we can read."""


class UnsafeXmlError(OpmlError):
    """The file declares a DTD or entities; refused without expanding anything."""


@dataclass(frozen=True)
class Skipped:
    url: str | None
    name: str | None
    reason: str


@dataclass
class OpmlResult:
    feeds: list[dict] = field(default_factory=list)   # {"url": canonical url, "name": str|None, "category": str|None}
    skipped: list[Skipped] = field(default_factory=list)


def read_opml(path: Path | str) -> OpmlResult:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_OPML_BYTES:
            raise OpmlError(f"{path} is {size} bytes; OPML files over {MAX_OPML_BYTES} bytes are refused")
        data = path.read_bytes()
    except FileNotFoundError:
        raise OpmlError(f"OPML file not found: {path}") from None
    except IsADirectoryError:
        raise OpmlError(f"{path} is a directory, not an OPML file") from None
    except OSError as exc:
        raise OpmlError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_opml(data)


def parse_opml(data: bytes | str) -> OpmlResult:
    """Feeds of an OPML document, in document order, nested outlines included.

    `xmlUrl` becomes `url` (canonicalised; non-http(s) URLs are skipped with a reason), `title` or else
    `text` becomes `name`, and the text of the nearest enclosing outline that is not itself a feed
    becomes `category`. A feed whose canonical URL was already seen is skipped as a duplicate.
    """
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"OPML document over {MAX_OPML_BYTES} bytes refused")
    root = _parse_xml(data)
    if _local(root.tag).lower() != "opml":
        raise OpmlError(f"not an OPML document: the root element is <{_local(root.tag)}>, expected <opml>")
    body = next((child for child in root if _local(child.tag).lower() == "body"), None)
    if body is None:
        raise OpmlError("not an OPML document: no <body> element")

    result, seen = OpmlResult(), set[str]()
    # Iterative walk (no recursion limit on deep nesting): (element, category of its children).
    stack: list[tuple[ET.Element, str | None]] = [(child, None) for child in reversed(list(body))]
    while stack:
        node, category = stack.pop()
        if _local(node.tag).lower() != "outline":
            continue
        attrs = {k.lower(): (v or "").strip() for k, v in node.attrib.items()}
        name = attrs.get("title") or attrs.get("text") or None
        raw_url = attrs.get("xmlurl")
        if raw_url:
            child_category = category
            _add_feed(result, seen, raw_url, name, category)
        else:
            if attrs.get("type", "").lower() in ("rss", "atom"):
                result.skipped.append(Skipped(None, name, "feed outline without an xmlUrl"))
            child_category = (attrs.get("text") or attrs.get("title") or None) if len(node) else category
        stack.extend((child, child_category) for child in reversed(list(node)))
    return result


def _add_feed(result: OpmlResult, seen: set[str], raw_url: str, name: str | None, category: str | None) -> None:
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in raw_url):
        result.skipped.append(Skipped(raw_url, name, "URL contains whitespace or control characters"))
        return
    url = canonical_url(raw_url)
    if url is None:
        result.skipped.append(Skipped(raw_url, name, "not an absolute http(s) URL"))
        return
    if url in seen:
        result.skipped.append(Skipped(raw_url, name, "duplicate of an earlier outline in the OPML file"))
        return
    seen.add(url)
    result.feeds.append({"url": url, "name": name, "category": category})


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_xml(data: bytes | str) -> ET.Element:
    if _defused_et is not None:
        return _parse_with_defusedxml(data)
    return _parse_with_stdlib(data)


def _parse_with_defusedxml(data: bytes | str) -> ET.Element:
    try:
        return _defused_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except _DefusedXmlException as exc:
        raise UnsafeXmlError(f"refused: the OPML declares a DTD or entities ({type(exc).__name__}); "
                             "DOCTYPE and ENTITY declarations are not allowed") from None
    except ET.ParseError as exc:
        raise OpmlError(f"not well-formed XML: {exc}") from None


class _Refuse(Exception):
    pass


def _parse_with_stdlib(data: bytes | str) -> ET.Element:
    """Refuse any DTD in a pyexpat pass that builds nothing, then parse with ElementTree.

    The DOCTYPE handler fires when `<!DOCTYPE` starts, before any entity declaration in it is read, so
    nothing is expanded or fetched. Without a DTD, XML knows only the five predefined entities, and
    expat rejects every other reference as undefined. Encodings are expat's own (UTF-16 included), so a
    bomb cannot slip past in an encoding a byte search would miss.
    """
    encoding = None
    if isinstance(data, str):
        data, encoding = data.encode("utf-8"), "utf-8"

    def refuse(*_args: object) -> NoReturn:
        raise _Refuse()

    guard = expat.ParserCreate(encoding)
    guard.StartDoctypeDeclHandler = refuse
    guard.EntityDeclHandler = refuse
    guard.UnparsedEntityDeclHandler = refuse
    guard.ExternalEntityRefHandler = refuse
    guard.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        guard.Parse(data, True)
    except _Refuse:
        raise UnsafeXmlError("refused: the OPML declares a DTD or entities; "
                             "DOCTYPE and ENTITY declarations are not allowed") from None
    except expat.ExpatError as exc:
        raise OpmlError(f"not well-formed XML: {expat.errors.messages.get(exc.code, exc)} "
                        f"(line {exc.lineno}, column {exc.offset})") from None
    try:
        return ET.fromstring(data, parser=ET.XMLParser(encoding=encoding))
    except ET.ParseError as exc:  # pragma: no cover - the guard pass already parsed the same bytes
        raise OpmlError(f"not well-formed XML: {exc}") from None
