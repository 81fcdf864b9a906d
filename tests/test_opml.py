"""OPML to feed dicts: nesting, categories, duplicates, hostile URLs and hostile XML."""
from pathlib import Path

import pytest

from sources import opml
from sources.opml import OpmlError, UnsafeXmlError, parse_opml, read_opml

NESTED = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="Top level feed" type="rss" xmlUrl="https://top.example.com/feed.xml"/>
    <outline text="AI" title="AI">
      <outline text="Labs">
        <outline type="rss" text="Lab text" title="Lab Blog" xmlUrl="https://Lab.Example.com:443/rss?utm_source=reader"
                 htmlUrl="https://lab.example.com/"/>
        <outline type="rss" text="Only text" xmlUrl="https://other.example.com/atom.xml"/>
      </outline>
      <outline type="atom" text="Press AI" xmlUrl="http://press.example.org/ai/feed/"/>
    </outline>
    <outline text="Empty folder"/>
  </body>
</opml>"""

#: A stdlib-only parser would expand this to ~3 GB of "lol"s.
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<opml version="2.0"><head><title>&lol9;</title></head>
<body><outline text="&lol9;" xmlUrl="https://bomb.example.com/feed"/></body></opml>"""


def _xxe(secret: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "{secret.resolve().as_uri()}">]>
<opml version="2.0"><head/><body>
<outline text="&xxe;" xmlUrl="https://xxe.example.com/feed"/></body></opml>"""


def _parsers():
    """Both XML back ends when defusedxml is installed; the stdlib one always."""
    params = [pytest.param(opml._parse_with_stdlib, id="stdlib-guard")]
    params.append(pytest.param(opml._parse_with_defusedxml, id="defusedxml", marks=pytest.mark.skipif(
        opml._defused_et is None, reason="defusedxml is not installed; the stdlib guard is in use")))
    return params


def test_nested_outlines_become_feeds_with_categories():
    result = parse_opml(NESTED.encode("utf-8"))
    assert result.feeds == [
        {"url": "https://top.example.com/feed.xml", "name": "Top level feed", "category": None},
        {"url": "https://lab.example.com/rss", "name": "Lab Blog", "category": "Labs"},
        {"url": "https://other.example.com/atom.xml", "name": "Only text", "category": "Labs"},
        {"url": "http://press.example.org/ai/feed/", "name": "Press AI", "category": "AI"},
    ]
    assert result.skipped == []


def test_str_input_and_attribute_case_are_accepted():
    doc = ('<opml version="1.0"><body><outline text="Néws 新闻"><outline title="Ünï" xmlurl="https://u.example/f"/>'
           "</outline></body></opml>")
    assert parse_opml(doc).feeds == [{"url": "https://u.example/f", "name": "Ünï", "category": "Néws 新闻"}]


def test_duplicates_after_canonicalisation_are_skipped_with_reason():
    doc = b"""<opml version="2.0"><body>
      <outline text="A" xmlUrl="https://dup.example.com/feed"/>
      <outline text="Folder">
        <outline text="A again" xmlUrl="HTTPS://DUP.example.com:443/feed?utm_campaign=x#top"/>
      </outline>
      <outline text="B" xmlUrl="https://dup.example.com/feed?page=2"/>
    </body></opml>"""
    result = parse_opml(doc)
    assert [f["url"] for f in result.feeds] == ["https://dup.example.com/feed", "https://dup.example.com/feed?page=2"]
    assert len(result.skipped) == 1
    assert result.skipped[0].name == "A again" and "duplicate" in result.skipped[0].reason


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/feed",
                                 "/relative/feed.xml", "data:text/xml,<rss/>", "https://exa mple.com/feed"])
def test_non_http_urls_are_reported_and_skipped(bad):
    from xml.sax.saxutils import quoteattr

    doc = (f'<opml version="2.0"><body><outline text="Bad" xmlUrl={quoteattr(bad)}/>'
           '<outline text="Good" xmlUrl="https://good.example.com/rss"/></body></opml>')
    result = parse_opml(doc.encode("utf-8"))
    assert [f["url"] for f in result.feeds] == ["https://good.example.com/rss"]
    assert [(s.url, s.name) for s in result.skipped] == [(bad, "Bad")]
    assert result.skipped[0].reason


def test_feed_outline_without_url_is_reported():
    result = parse_opml(b'<opml><body><outline type="rss" text="No url"/></body></opml>')
    assert result.feeds == [] and result.skipped[0].reason == "feed outline without an xmlUrl"


def test_deep_nesting_does_not_recurse():
    depth = 5000
    doc = ('<opml><body>' + '<outline text="f">' * depth + '<outline text="x" xmlUrl="https://deep.example/f"/>'
           + "</outline>" * depth + "</body></opml>")
    assert parse_opml(doc).feeds == [{"url": "https://deep.example/f", "name": "x", "category": "f"}]


@pytest.mark.parametrize("doc, message", [
    (b"", "not well-formed"),
    (b"<opml><body><outline text='x'></body></opml>", "not well-formed"),
    (b"<rss><channel/></rss>", "root element is <rss>"),
    (b"<opml><head/></opml>", "no <body>"),
    (b"<opml><body><outline text='&undefined;' xmlUrl='https://x.example/f'/></body></opml>", "not well-formed"),
])
def test_malformed_documents_are_clear_errors(doc, message):
    with pytest.raises(OpmlError, match=message):
        parse_opml(doc)


@pytest.mark.parametrize("parse", _parsers())
def test_billion_laughs_is_refused_before_expansion(parse):
    with pytest.raises(UnsafeXmlError, match="DOCTYPE"):
        parse(BILLION_LAUGHS.encode("utf-8"))


@pytest.mark.parametrize("parse", _parsers())
def test_billion_laughs_in_utf16_is_refused(parse):
    # A byte search for "<!DOCTYPE" would miss this encoding; the parser-level guard does not.
    data = BILLION_LAUGHS.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    assert b"<!DOCTYPE" not in data
    with pytest.raises(UnsafeXmlError):
        parse(data)


@pytest.mark.parametrize("parse", _parsers())
def test_external_entity_is_refused_and_file_not_read(parse, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    with pytest.raises(UnsafeXmlError) as info:
        parse(_xxe(secret).encode("utf-8"))
    assert "TOP-SECRET-TOKEN" not in str(info.value)


def test_doctype_without_entities_is_refused_too():
    with pytest.raises(UnsafeXmlError):
        parse_opml(b'<?xml version="1.0"?><!DOCTYPE opml><opml><body/></opml>')


def test_stdlib_guard_parses_safe_documents_like_the_public_api():
    root = opml._parse_with_stdlib(NESTED.encode("utf-8"))
    assert root.tag == "opml" and len(root.findall(".//outline")) == 7


def test_read_opml_errors(tmp_path):
    with pytest.raises(OpmlError, match="not found"):
        read_opml(tmp_path / "missing.opml")
    with pytest.raises(OpmlError, match="directory"):
        read_opml(tmp_path)
    big = tmp_path / "big.opml"
    big.write_bytes(b" " * (opml.MAX_OPML_BYTES + 1))
    with pytest.raises(OpmlError, match="refused"):
        read_opml(big)
