"""The small Markdown subset of email templates, rendered to HTML and to plain text.

Supported, as in GOV.UK Notify: paragraphs, `#`/`##` headings, `*`/`-` bullet and `1.` numbered
lists, `^` inset text, `---` rules, `**bold**`, `[text](https://...)` links and bare https links.
Everything else is text. HTML in the template is escaped, never passed through. Placeholders
arrive as opaque tokens (`\\x00n\\x00`) and survive both renderings, so a citizen's name is never
read as Markdown and is escaped when substituted.

Links are found in the raw text and each piece is escaped exactly once for where it lands: a URL
with `html.escape(quote=True)` for the `href` attribute (a `"` or `'` in it cannot end the
attribute, a `&` becomes `&amp;` once), everything else as text. Escaping first and finding links
in the escaped text, as this module once did, escaped `&` twice and left quotes raw in `href`.
"""

import html
import re

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)<>\"]+)\)")
# A bare URL ends at white space or at a character a URL never holds unencoded (RFC 3986: < > ").
_BARE = re.compile(r"\b(https://[^\s<>\"]+[^\s<>\".,;:!?)'*])")
_LINKS = re.compile(f"{_LINK.pattern}|{_BARE.pattern}")
# Links stand in the text as \x02n\x03 while the rest is escaped and made bold.
_SLOT = re.compile(r"\x02(\d+)\x03")
_BULLET = re.compile(r"^\s*[*\-•]\s+")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+")
_RULE = re.compile(r"^\s*(-{3,}|\*{3,})\s*$")


def _kind(line: str) -> str:
    if line.startswith("#"):
        return "heading"
    if _RULE.match(line):
        return "rule"
    if _BULLET.match(line):
        return "bullet"
    if _NUMBER.match(line):
        return "number"
    return "inset" if line.startswith("^") else "text"


def _blocks(text: str) -> list[list[str]]:
    """Blocks split at blank lines, and wherever a line's kind changes (a heading is always alone)."""
    blocks: list[list[str]] = [[]]
    kinds: list[str] = [""]
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blocks.append([])
            kinds.append("")
            continue
        kind = _kind(line)
        if blocks[-1] and (kind != kinds[-1] or kind in ("heading", "rule")):
            blocks.append([])
        if not blocks[-1]:
            kinds[-1] = kind
        blocks[-1].append(line.rstrip())
    return [block for block in blocks if block]


def _bold(escaped: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", escaped)


def inline_html(text: str) -> str:
    """One line as HTML: text escaped, links as `<a>` whose `href` is escaped for an attribute."""
    links: list[str] = []

    def slot(match: re.Match[str]) -> str:
        label, url = (match[1], match[2]) if match[2] else (None, match[3])
        shown = _bold(html.escape(label, quote=False)) if label is not None else html.escape(url, quote=False)
        links.append(f'<a href="{html.escape(url, quote=True)}">{shown}</a>')
        return f"\x02{len(links) - 1}\x03"

    # \x02 and \x03 are control characters no template needs: removed so that no text forges a slot.
    slotted = _LINKS.sub(slot, text.replace("\x02", "").replace("\x03", ""))
    rendered = _bold(html.escape(slotted, quote=False))
    return _SLOT.sub(lambda m: links[int(m[1])], rendered)


def inline_text(text: str) -> str:
    text = _LINK.sub(lambda m: f"{m[1]} ({m[2]})", text)
    return _BOLD.sub(r"\1", text)


def to_html(text: str) -> str:
    parts: list[str] = []
    for block in _blocks(text):
        first = block[0]
        if len(block) == 1 and _RULE.match(first):
            parts.append("<hr>")
        elif first.startswith("## "):
            parts.append(f"<h2>{inline_html(first[3:])}</h2>")
        elif first.startswith("# "):
            parts.append(f"<h1>{inline_html(first[2:])}</h1>")
        elif all(_BULLET.match(line) for line in block):
            items = "".join(f"<li>{inline_html(_BULLET.sub('', line))}</li>" for line in block)
            parts.append(f"<ul>{items}</ul>")
        elif all(_NUMBER.match(line) for line in block):
            items = "".join(f"<li>{inline_html(_NUMBER.sub('', line))}</li>" for line in block)
            parts.append(f"<ol>{items}</ol>")
        elif first.startswith("^"):
            lines = [inline_html(line.lstrip("^ ")) for line in block]
            parts.append(f"<blockquote>{'<br>'.join(lines)}</blockquote>")
        else:
            parts.append(f"<p>{'<br>'.join(inline_html(line) for line in block)}</p>")
    return "\n".join(parts)


def to_text(text: str) -> str:
    parts: list[str] = []
    for block in _blocks(text):
        first = block[0]
        if len(block) == 1 and _RULE.match(first):
            parts.append("-" * 30)
        elif first.startswith(("# ", "## ")):
            parts.append(inline_text(first.lstrip("# ")))
        elif all(_BULLET.match(line) for line in block):
            parts.append("\n".join(f"• {inline_text(_BULLET.sub('', line))}" for line in block))
        elif first.startswith("^"):
            parts.append("\n".join(inline_text(line.lstrip("^ ")) for line in block))
        else:
            parts.append("\n".join(inline_text(line) for line in block))
    return "\n\n".join(parts)


def html_document(body: str, language: str, subject: str) -> str:
    """A minimal, accessible HTML email around the rendered body."""
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(subject)}</title></head>"
        '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c">'
        f"{body}</body></html>"
    )
