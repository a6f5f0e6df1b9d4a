"""Recipients: phone numbers to E.164 (default region CA), strict email addresses, simulated recipients.

Reserved recipients never reach a provider, whatever the key: integrators use them to exercise
delivered, permanent-failure and temporary-failure. The phone numbers are in NANP's 555-01XX
range, reserved for fiction, so they can never belong to a citizen.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from numeriqc.core.i18n import Message
from numeriqc.notifications.models import Channel, Status

SIMULATED_EMAILS = {
    "livre@simulation.numeriqc.quebec": Status.DELIVERED,
    "echec-permanent@simulation.numeriqc.quebec": Status.PERMANENT_FAILURE,
    "echec-temporaire@simulation.numeriqc.quebec": Status.TEMPORARY_FAILURE,
}
SIMULATED_PHONES = {
    "+15145550100": Status.DELIVERED,
    "+15145550101": Status.PERMANENT_FAILURE,
    "+15145550102": Status.TEMPORARY_FAILURE,
}
BAD_PHONE = Message(
    "Numéro de téléphone invalide (format attendu : 514 555 1234 ou +15145551234).",
    "Invalid phone number (expected 514 555 1234 or +15145551234).",
)
BAD_EMAIL = Message("Adresse courriel invalide.", "Invalid email address.")
# email-validator explains in English only: its explanation is matched to one of ours, by what it
# is about, and never passed through (a French answer must not carry an English sentence).
_EMAIL_REASONS: tuple[tuple[tuple[str, ...], Message], ...] = (
    (
        ("must have an @-sign", "commercial at"),
        Message("il manque le signe @.", "the @ sign is missing."),
    ),
    (
        ("display name", "angle bracket", "anything after", "after close quote"),
        Message(
            "n'indiquez que l'adresse, sans nom, chevrons ni texte autour.",
            "give the address alone, without a name, angle brackets or other text.",
        ),
    ),
    (("too long",), Message("l'adresse est trop longue.", "the address is too long.")),
    (
        ("two periods", "period and a hyphen", "two dashes"),
        Message("points ou tirets consécutifs.", "consecutive periods or dashes."),
    ),
    (
        ("before the @-sign",),
        Message("la partie avant le @ est vide ou invalide.", "the part before the @ is empty or invalid."),
    ),
    (
        ("after the @-sign", "after the @", "top-level domain", "idna"),
        Message("le domaine après le @ est invalide.", "the domain after the @ is invalid."),
    ),
    (
        ("character", "ascii"),
        Message("elle contient un caractère non permis.", "it contains a character not allowed."),
    ),
)
_EMAIL_UNREADABLE = Message("ce n'est pas une adresse courriel.", "this is not an email address.")
_TOO_LONG_SMTP = Message(
    "l'adresse dépasse les limites des serveurs de courriel (RFC 5321).",
    "the address exceeds what mail servers accept (RFC 5321).",
)


@dataclass(frozen=True)
class Invalid:
    """A refused recipient, and why, in both languages (nothing of a library's own wording)."""

    message: Message


def _email_invalid(reason: Message) -> Invalid:
    return Invalid(Message(f"{BAD_EMAIL.fr[:-1]} : {reason.fr}", f"{BAD_EMAIL.en[:-1]}: {reason.en}"))


def email_reason(library_text: str) -> Message:
    """Our message for what email-validator said (matched by subject, never echoed)."""
    lowered = library_text.lower()
    for needles, message in _EMAIL_REASONS:
        if any(needle in lowered for needle in needles):
            return message
    return _EMAIL_UNREADABLE


# North American numbers in their usual spellings: 514 234 5678, (514) 234-5678, +1 514.234.5678.
_NANP = re.compile(r"^\s*(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})\s*$")
# A conservative subset of what email-validator accepts (ASCII dot-atom, LDH labels, no `--`):
# such addresses need no IDNA or quoting rules, so they skip the full validator (planning speed).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_SIMPLE_EMAIL = re.compile(rf"^({_ATOM}(?:\.{_ATOM})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})$")


@lru_cache(maxsize=8192)
def _nanp_valid(area_and_exchange: str) -> bool:
    """libphonenumber's NANP validity depends on the area code and exchange only (the last four
    digits are always free), so one check per 6-digit prefix serves every number behind it."""
    # imported on first use, not at cold start (docs/decisions/0002)
    import phonenumbers

    return bool(phonenumbers.is_valid_number(phonenumbers.parse("+1" + area_and_exchange + "0000")))


def normalise_phone(raw: str, region: str = "CA") -> str | Invalid:
    compact = "".join(char for char in raw if char not in " -().\u00a0")
    if compact in SIMULATED_PHONES or ("+1" + compact) in SIMULATED_PHONES:
        return compact if compact.startswith("+") else "+1" + compact
    nanp = _NANP.match(raw) if region in ("CA", "US") or raw.lstrip().startswith("+1") else None
    if nanp:
        prefix = nanp[1] + nanp[2]
        return f"+1{prefix}{nanp[3]}" if _nanp_valid(prefix) else Invalid(BAD_PHONE)
    # imported on first use, not at cold start (docs/decisions/0002)
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return Invalid(BAD_PHONE)
    if not phonenumbers.is_valid_number(number):
        return Invalid(BAD_PHONE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _simple_email(raw: str) -> str | None:
    # imported on first use, not at cold start (docs/decisions/0002)
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    match = _SIMPLE_EMAIL.match(raw)
    if match is None or "--" in match[2] or len(match[1]) > 64 or len(raw) > 254:
        return None
    domain = match[2].lower()
    if any(domain == name or domain.endswith("." + name) for name in SPECIAL_USE_DOMAIN_NAMES):
        return None
    return f"{match[1]}@{domain}"


def normalise_email(raw: str) -> str | Invalid:
    simple = _simple_email(raw)
    if simple is not None:
        return simple
    # imported on first use, not at cold start (docs/decisions/0002)
    from email_validator import EmailNotValidError, validate_email

    try:
        valid = validate_email(raw, check_deliverability=False)
    except EmailNotValidError as error:
        return _email_invalid(email_reason(str(error)))
    # RFC 5321 limits, in octets: 64 before the @, 254 in all (what a mail server accepts).
    if len(valid.local_part.encode()) > 64 or len(str(valid.normalized).encode()) > 254:
        return _email_invalid(_TOO_LONG_SMTP)
    # The domain in its Unicode form is normalised (IDNA); the local part keeps its case (RFC 5321).
    return str(valid.normalized)


def normalise(channel: Channel, raw: str, region: str = "CA") -> str | Invalid:
    return normalise_email(raw) if channel is Channel.EMAIL else normalise_phone(raw, region)


def simulated_outcome(channel: Channel, recipient: str) -> Status | None:
    table = SIMULATED_EMAILS if channel is Channel.EMAIL else SIMULATED_PHONES
    return table.get(recipient.lower() if channel is Channel.EMAIL else recipient)


def hash_key(channel: Channel, recipient: str) -> str:
    """What the keyed hash is taken of: emails compare case-insensitively."""
    return recipient.lower() if channel is Channel.EMAIL else recipient
