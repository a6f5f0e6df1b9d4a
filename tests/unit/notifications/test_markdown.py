"""Email Markdown output encoding: every character that matters in HTML, in text, links and autolinks.

Each rendering is read back with an HTML parser: a quote that broke out of `href`, or a `<` that
opened a tag, shows up as an extra attribute or tag, and double escaping shows up as a wrong
`href` or a wrong text.
"""

from html.parser import HTMLParser

import pytest

from numeriqc.notifications.markdown import inline_html, to_html, to_text

# Characters that change the meaning of HTML text or of a double- or single-quoted attribute.
SPECIAL = ['"', "'", "<", ">", "&", "=", "`", "&amp;", "&#34;", "&lt;"]
# Of those, the ones a URL may hold as written (RFC 3986 forbids " < > unencoded).
IN_URL = ["'", "&", "=", "`", "&amp;", "&#34;", "&lt;"]


class _Reader(HTMLParser):
    """Tags with their attributes, all the text, and the text of each link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text = ""
        self.anchor_text: list[str] = []
        self.in_anchor = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "a":
            self.anchor_text.append("")
            self.in_anchor = True

    def handle_endtag(self, tag: str) -> None:
        self.in_anchor = self.in_anchor and tag != "a"

    def handle_data(self, data: str) -> None:
        self.text += data
        if self.in_anchor:
            self.anchor_text[-1] += data


def read(markup: str) -> _Reader:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader


def _only_anchors_with_an_href(reader: _Reader) -> list[str]:
    assert [tag for tag, _ in reader.tags] == ["a"] * len(reader.tags)
    assert all([name for name, _ in attrs] == ["href"] for _, attrs in reader.tags)
    return [str(attrs[0][1]) for _, attrs in reader.tags]


@pytest.mark.parametrize("char", SPECIAL, ids=ascii)
def test_plain_text_reads_back_as_written(char: str) -> None:
    source = f"avant {char} après {char}{char}"
    reader = read(inline_html(source))
    assert reader.tags == []
    assert reader.text == source
    assert to_text(source) == source


@pytest.mark.parametrize("char", SPECIAL, ids=ascii)
def test_an_autolink_never_leaves_its_attribute(char: str) -> None:
    source = f"voir https://ex.ca/a?b=1&c={char}onmouseover={char}alert fin"
    reader = read(inline_html(source))
    hrefs = _only_anchors_with_an_href(reader)
    assert len(hrefs) == 1 and hrefs[0].startswith("https://ex.ca/a?b=1&c=")
    assert reader.text == source  # nothing lost or doubled: the link shows its own URL
    assert reader.anchor_text == hrefs
    if char in IN_URL:
        assert hrefs[0] == f"https://ex.ca/a?b=1&c={char}onmouseover={char}alert"


@pytest.mark.parametrize("char", SPECIAL, ids=ascii)
def test_a_link_never_leaves_its_attribute_and_its_text_is_escaped(char: str) -> None:
    url = f"https://ex.ca/a?b=1&c={char}x"
    source = f"[lien {char} ici]({url})"
    reader = read(inline_html(source))
    hrefs = _only_anchors_with_an_href(reader)
    assert all(href.startswith("https://ex.ca/a?b=1&c=") for href in hrefs)
    if char in IN_URL:
        assert hrefs == [url]
        assert reader.text == f"lien {char} ici"
        assert to_text(source) == f"lien {char} ici ({url})"
    else:  # not a link: the URL is shown, cut where a URL cannot go on, and nothing is injected
        assert reader.text == source


def test_an_ampersand_in_a_query_is_escaped_once() -> None:
    link = inline_html("[formulaire](https://ex.ca/f?a=1&b=2)")
    bare = inline_html("https://ex.ca/f?a=1&b=2")
    assert link == '<a href="https://ex.ca/f?a=1&amp;b=2">formulaire</a>'
    assert bare == '<a href="https://ex.ca/f?a=1&amp;b=2">https://ex.ca/f?a=1&amp;b=2</a>'


def test_a_quoted_autolink_is_cut_at_the_quote() -> None:
    expected = '<a href="https://ex.ca/">https://ex.ca/</a>"onmouseover="x'
    assert inline_html('https://ex.ca/"onmouseover="x') == expected


def test_bold_around_and_inside_links_and_never_inside_an_href() -> None:
    html = inline_html("**voir [le **guide**](https://ex.ca/**x**)** et https://ex.ca/a**b**")
    reader = read(html)
    assert [attrs[0][1] for tag, attrs in reader.tags if tag == "a"] == [
        "https://ex.ca/**x**",
        "https://ex.ca/a**b",
    ]
    assert html.startswith("<strong>voir <a ") and "le <strong>guide</strong></a></strong>" in html


def test_text_cannot_forge_a_link_slot() -> None:
    reader = read(inline_html("\x020\x03 [a](https://ex.ca/) \x02" + "1\x03"))
    assert _only_anchors_with_an_href(reader) == ["https://ex.ca/"]


@pytest.mark.parametrize("char", SPECIAL, ids=ascii)
def test_every_block_kind_escapes_its_text(char: str) -> None:
    source = "\n\n".join(
        f"{prefix}x {char} https://ex.ca/?a=1&b={char}" for prefix in ("# ", "## ", "* ", "1. ", "^ ", "")
    )
    reader = read(to_html(source))
    assert {tag for tag, _ in reader.tags} <= {"h1", "h2", "ul", "ol", "li", "blockquote", "p", "a"}
    assert all(not attrs or [name for name, _ in attrs] == ["href"] for _, attrs in reader.tags)
    assert reader.text.count(f"x {char} https://ex.ca/?a=1&b=") == 6
