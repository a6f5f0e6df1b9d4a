"""The local outbox as pages, French and English: what a citizen's mail client or phone would show.

    /_local/viewer                 every email and SMS, newest first, with its status
    /_local/viewer/<n>             one message: headers, text beside the rendered HTML, raw MIME,
                                   the unsubscribe link to follow (GET page) or to POST (one click)
    /_local/viewer/<n>/body.html   the email's HTML alone, for the sandboxed frame
    /_local/viewer/<n>/message.eml the raw MIME
    ?lang=en                       English (French by default)

Email HTML is the one untrusted thing here (an organization's template): it is only ever shown in
an `<iframe sandbox>` whose document is served with `Content-Security-Policy: sandbox` and no
source allowed but inline styles and `data:` images, so it can run no script, submit no form, load
no tracking pixel and reach no other page. Everything else is escaped. `/_local/outbox` keeps
answering JSON for scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlparse

from ..aws.outbox import OutboxMessage
from ..http.events import HttpResponse

PREFIX = "/_local/viewer"

PAGE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
BODY_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Boîte d'envoi locale",
        "intro": "Chaque courriel et chaque SMS envoyés par la plateforme locale "
        "(rien ne sort de votre poste).",
        "empty": "Aucun message envoyé pour l'instant.",
        "kind": "Type",
        "to": "Destinataire",
        "subject": "Objet ou texte",
        "status": "État",
        "sent": "envoyé",
        # what the local provider reported (aws/provider_receipts.py): SES event types, SNS statuses
        "Delivery": "livré",
        "SUCCESS": "livré",
        "Bounce": "rebond",
        "Complaint": "plainte",
        "Reject": "rejeté",
        "FAILURE": "échec",
        "email": "Courriel",
        "sms": "SMS",
        "headers": "En-têtes",
        "text": "Texte",
        "html": "HTML (affiché en bac à sable : ni script, ni image externe)",
        "no_html": "Ce courriel n'a pas de partie HTML.",
        "raw": "Télécharger le MIME brut (.eml)",
        "unsubscribe": "Désabonnement",
        "follow": "Suivre le lien (page de confirmation, GET)",
        "one_click": "Désabonnement en un clic (POST RFC 8058, comme un logiciel de courriel)",
        "no_unsubscribe": "Ce message n'a pas de lien de désabonnement.",
        "encoding": "Encodage",
        "length": "Longueur",
        "fragments": "Fragments",
        "unicode": "Caractères qui imposent l'UCS-2",
        "back": "Retour à la liste",
        "other": "English",
        "other_code": "en",
        "frame": "Contenu HTML du courriel",
    },
    "en": {
        "title": "Local outbox",
        "intro": "Every email and SMS the local platform sent (nothing leaves your machine).",
        "empty": "No message sent yet.",
        "kind": "Kind",
        "to": "Recipient",
        "subject": "Subject or text",
        "status": "Status",
        "sent": "sent",
        "Delivery": "delivered",
        "SUCCESS": "delivered",
        "Bounce": "bounced",
        "Complaint": "complaint",
        "Reject": "rejected",
        "FAILURE": "failed",
        "email": "Email",
        "sms": "SMS",
        "headers": "Headers",
        "text": "Text",
        "html": "HTML (sandboxed: no script, no outside image)",
        "no_html": "This email has no HTML part.",
        "raw": "Download the raw MIME (.eml)",
        "unsubscribe": "Unsubscribe",
        "follow": "Follow the link (confirmation page, GET)",
        "one_click": "One-click unsubscribe (RFC 8058 POST, as a mail client does)",
        "no_unsubscribe": "This message has no unsubscribe link.",
        "encoding": "Encoding",
        "length": "Length",
        "fragments": "Fragments",
        "unicode": "Characters that force UCS-2",
        "back": "Back to the list",
        "other": "Français",
        "other_code": "fr",
        "frame": "The email's HTML content",
    },
}

_STYLE = (
    "body{font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}"
    "main{max-width:72rem;margin:1.5rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #6b6b6b;padding:.35rem .5rem;"
    "text-align:left;vertical-align:top;overflow-wrap:anywhere}pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;"
    "padding:.75rem;border:1px solid #6b6b6b}a{color:#095797}.columns{display:grid;"
    "grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}iframe{width:100%;height:32rem;"
    "border:1px solid #6b6b6b}button{font:inherit;font-weight:600;color:#fff;background:#095797;"
    "border:2px solid #095797;border-radius:4px;padding:.4rem 1rem;min-height:44px;cursor:pointer}"
    ":focus-visible{outline:3px solid #b35c00;outline-offset:2px}"
)


def serve(messages: Sequence[OutboxMessage], method: str, path: str, query: str) -> HttpResponse | None:
    """Answer a request under PREFIX, or None when the path is not the viewer's."""
    if method not in ("GET", "HEAD") or not (path == PREFIX or path.startswith(PREFIX + "/")):
        return None
    language = "en" if parse_qs(query).get("lang", [""])[-1] == "en" else "fr"
    parts = [part for part in path[len(PREFIX) :].split("/") if part]
    if not parts:
        return _html(list_page(messages, language))
    if not parts[0].isdigit() or not 1 <= int(parts[0]) <= len(messages) or len(parts) > 2:
        return _not_found()
    number, message = int(parts[0]), messages[int(parts[0]) - 1]
    if len(parts) == 1:
        return _html(detail_page(message, number, language))
    if parts[1] == "body.html" and message.html is not None:
        headers = {"content-type": "text/html; charset=utf-8", "content-security-policy": BODY_POLICY}
        return HttpResponse(200, headers, message.html.encode())
    if parts[1] == "message.eml" and message.raw is not None:
        disposition = f'attachment; filename="message-{number}.eml"'
        headers = {"content-type": "message/rfc822", "content-disposition": disposition}
        return HttpResponse(200, headers, message.raw.encode())
    return _not_found()


def list_page(messages: Sequence[OutboxMessage], language: str) -> str:
    t = TEXT[language]
    if not messages:
        content = f"<p>{escape(t['empty'])}</p>"
    else:
        rows = []
        for number in range(len(messages), 0, -1):
            message = messages[number - 1]
            summary = message.subject if message.kind == "email" else message.body
            link = f"{PREFIX}/{number}?lang={language}"
            rows.append(
                f"<tr><td>{number}</td><td>{escape(t[message.kind])}</td>"
                f"<td>{escape(', '.join(message.to))}</td>"
                f'<td><a href="{escape(link)}">{escape(_shorten(summary or "—"))}</a></td>'
                f"<td>{escape(status_text(message, t))}</td></tr>"
            )
        content = (
            f'<table><caption>{escape(t["title"])}</caption><thead><tr><th scope="col">#</th>'
            f'<th scope="col">{t["kind"]}</th><th scope="col">{t["to"]}</th>'
            f'<th scope="col">{t["subject"]}</th><th scope="col">{t["status"]}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return _page(language, t["title"], f"<p>{escape(t['intro'])}</p>{content}", PREFIX)


def status_text(message: OutboxMessage, t: dict[str, str]) -> str:
    """Accepted by the provider, then what its receipt said (with the detail: bounce type, reason)."""
    text = t.get(message.status, message.status)
    if message.receipt is None:
        return text
    receipt = t.get(message.receipt, message.receipt)
    return f"{text} · {receipt}" + (f" ({message.receipt_detail})" if message.receipt_detail else "")


def detail_page(message: OutboxMessage, number: int, language: str) -> str:
    t = TEXT[language]
    title = f"{t[message.kind]} {number} — {message.subject or ', '.join(message.to)}"
    back = f'<p><a href="{PREFIX}?lang={language}">{escape(t["back"])}</a></p>'
    facts = [(t["to"], ", ".join(message.to)), (t["status"], status_text(message, t))]
    if message.kind == "sms" and message.sms:
        facts += [
            (t["encoding"], message.sms["encoding"]),
            (t["length"], str(message.sms["length"])),
            (t["fragments"], str(message.sms["fragments"])),
        ]
        if message.sms.get("unicode_characters"):
            facts.append((t["unicode"], " ".join(message.sms["unicode_characters"])))
    sections = [back, _facts(facts)]
    if message.kind == "email":
        sections.append(_email_sections(message, number, language))
    else:
        sections.append(f"<h2>{escape(t['text'])}</h2><pre>{escape(message.body)}</pre>")
    return _page(language, title, "".join(sections), f"{PREFIX}/{number}")


def _email_sections(message: OutboxMessage, number: int, language: str) -> str:
    t = TEXT[language]
    headers = message.headers or [("From", message.sender or ""), ("Subject", message.subject or "")]
    header_rows = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td>{escape(value)}</td></tr>' for name, value in headers
    )
    if message.html is not None:
        frame = (
            f'<iframe sandbox src="{PREFIX}/{number}/body.html" title="{escape(t["frame"])}" '
            'referrerpolicy="no-referrer"></iframe>'
        )
    else:
        frame = f"<p>{escape(t['no_html'])}</p>"
    raw = f'<p><a href="{PREFIX}/{number}/message.eml">{escape(t["raw"])}</a></p>' if message.raw else ""
    return (
        f"<h2>{escape(t['headers'])}</h2><table><tbody>{header_rows}</tbody></table>{raw}"
        f'<div class="columns"><section><h2>{escape(t["text"])}</h2><pre>{escape(message.body)}</pre>'
        f"</section><section><h2>{escape(t['html'])}</h2>{frame}</section></div>"
        f"<h2>{escape(t['unsubscribe'])}</h2>{_unsubscribe(message, language)}"
    )


def _unsubscribe(message: OutboxMessage, language: str) -> str:
    t = TEXT[language]
    if not message.unsubscribe_url:
        return f"<p>{escape(t['no_unsubscribe'])}</p>"
    local = _local_path(message.unsubscribe_url)
    follow = f'<p><a href="{escape(local)}?lang={language}">{escape(t["follow"])}</a></p>'
    if not message.one_click:
        return follow
    return (
        f'{follow}<form method="post" action="{escape(local)}?lang={language}">'
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">'
        f'<button type="submit">{escape(t["one_click"])}</button></form>'
    )


def _local_path(url: str) -> str:
    """The link's path on this dev server: the service may name another port or host for itself."""
    parsed = urlparse(url)
    if parsed.hostname in ("127.0.0.1", "localhost", "::1"):
        return parsed.path
    return url


def _facts(facts: list[tuple[str, str]]) -> str:
    rows = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in facts)
    return f"<table><tbody>{rows}</tbody></table>"


def _shorten(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _page(language: str, title: str, body: str, here: str) -> str:
    t = TEXT[language]
    other = t["other_code"]
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} – numériQc</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f'<p><a href="{escape(here)}?lang={other}" lang="{other}" hreflang="{other}">{t["other"]}</a></p>\n'
        f"<h1>{escape(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _html(page: str) -> HttpResponse:
    headers = {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": PAGE_POLICY,
        "cache-control": "no-store",
    }
    return HttpResponse(200, headers, page.encode())


def _not_found() -> HttpResponse:
    return HttpResponse(404, {"content-type": "text/plain; charset=utf-8"}, b"Not Found")


def as_json(messages: Sequence[OutboxMessage]) -> list[dict[str, Any]]:
    return [message.as_json() for message in messages]
