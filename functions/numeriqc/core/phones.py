"""Phone numbers as the platform keeps them: E.164, or nothing.

libphonenumber's metadata is a large import: it is loaded on the first number, not at cold start
(docs/decisions/0002), so the many handlers that never read a number do not pay for it.
"""


def e164_or_none(raw: str, region: str = "CA") -> str | None:
    """E.164 (`+15142345678`; North American numbers may come without their +1), or None unless
    libphonenumber says the number is valid. The notification service checks it again before it sends."""
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
