"""The page a citizen sees when they open an unsubscribe link: confirm first, then done (RFC 8058).

Mail clients and link scanners follow links with GET, so a GET never unsubscribes: it shows a page
(French or English, the other language one link away) whose one button POSTs to the same URL, the
POST that one-click mail clients send themselves (`List-Unsubscribe=One-Click`). The page has no
script and no outside resource, so its policy forbids both; the form posts to its own origin only.
"""

from html import escape

from numeriqc.core.i18n import Language, Message

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

TITLE = Message("Se désabonner", "Unsubscribe")
EXPLAIN = Message(
    "Confirmez que vous ne voulez plus recevoir les courriels de cet organisme envoyés par numériQc. "
    "Vos autres abonnements ne changent pas.",
    "Confirm that you no longer want to receive this organization's emails sent through numériQc. "
    "Your other subscriptions do not change.",
)
CONFIRM = Message("Me désabonner", "Unsubscribe me")
DONE_TITLE = Message("Vous êtes désabonné", "You are unsubscribed")
DONE = Message(
    "Vous ne recevrez plus les courriels de cet organisme envoyés par numériQc. Pour vous réabonner, "
    "adressez-vous à l'organisme.",
    "You will no longer receive this organization's emails sent through numériQc. To subscribe "
    "again, contact the organization.",
)
OTHER_LANGUAGE = {"fr": ("en", "English"), "en": ("fr", "Français")}

_STYLE = (
    "body{font:1.0625rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}"
    "main{max-width:36rem;margin:2rem auto;padding:0 1rem}"
    "button{font:inherit;font-weight:600;color:#fff;background:#095797;border:2px solid #095797;"
    "border-radius:4px;padding:.5rem 1.25rem;min-height:44px;cursor:pointer}"
    "a{color:#095797}:focus-visible{outline:3px solid #b35c00;outline-offset:2px}"
)


def _page(language: Language, title: str, body: str, other_href: str | None = None) -> str:
    other_code, other_name = OTHER_LANGUAGE[language]
    link = (
        f'<a href="{escape(other_href or "")}" lang="{other_code}" hreflang="{other_code}">{other_name}</a>'
    )
    switch = f"<p>{link}</p>\n" if other_href else ""
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{escape(title)} – numériQc</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{switch}<h1>{escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n"
    )


def confirmation(language: Language, token: str) -> str:
    """The GET page: what will happen, and the button that POSTs RFC 8058's one-click body."""
    action = escape(token, quote=True)
    form = (
        f"<p>{escape(EXPLAIN.render(language))}</p>\n"
        f'<form method="post" action="{action}?lang={language}">\n'
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">\n'
        f'<button type="submit">{escape(CONFIRM.render(language))}</button>\n</form>\n'
    )
    other = OTHER_LANGUAGE[language][0]
    return _page(language, TITLE.render(language), form, f"{action}?lang={other}")


def done(language: Language) -> str:
    """What a person who pressed the button sees (a mail client's POST gets JSON instead)."""
    return _page(language, DONE_TITLE.render(language), f"<p>{escape(DONE.render(language))}</p>\n")


def wants_html(accept: str | None) -> bool:
    """A browser's form post asks for HTML first; a mail client's one-click POST does not."""
    return "text/html" in (accept or "").lower()
