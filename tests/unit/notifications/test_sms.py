"""SMS: GSM-7 vs UCS-2, the extension table, fragments on French text, transliteration; addresses."""

import pytest

from numeriqc.notifications import addresses
from numeriqc.notifications import sms_length as sms
from numeriqc.notifications.models import Channel, Status


@pytest.mark.parametrize(
    ("text", "encoding", "length", "fragments"),
    [
        ("", "GSM-7", 0, 0),
        ("Bonjour, votre rendez-vous est à 9 h.", "GSM-7", 37, 1),  # à é è ù are GSM-7
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # the extension table counts two
        ("[" * 81, "GSM-7", 162, 2),
        ("Votre permis est prêt.", "UCS-2", 22, 1),
        ("ê" * 70, "UCS-2", 70, 1),
        ("ê" * 71, "UCS-2", 71, 2),
        ("ê" * 134, "UCS-2", 134, 2),
        ("ê" * 135, "UCS-2", 135, 3),
        ("Merci 😀", "UCS-2", 8, 1),  # an emoji is two UTF-16 units
    ],
)
def test_encoding_length_and_fragments(text: str, encoding: str, length: int, fragments: int) -> None:
    info = sms.analyse(text)
    assert (info.encoding.value, info.length, info.fragments) == (encoding, length, fragments)


def test_the_characters_forcing_ucs2_are_listed_once_in_order() -> None:
    info = sms.analyse("Votre fenêtre s'ouvre à l'île d'Orléans; ça coûte « rien » ê")
    assert info.unicode_characters == ("ê", "î", "ç", "û", "«", "»")


def test_transliteration_makes_french_gsm7_and_keeps_what_gsm7_has() -> None:
    text = "Prêt à l'île, ça coûte « 5 $ » – Œuvre"
    safe = sms.transliterate(text)
    assert safe == 'Pret à l\'ile, ca coute " 5 $ " - OEuvre'
    assert sms.analyse(safe).encoding is sms.Encoding.GSM7


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("514 234 5678", "+15142345678"),
        ("(418) 555-1234", "+14185551234"),
        ("+33 6 12 34 56 78", "+33612345678"),
    ],
)
def test_phone_numbers_become_e164(raw: str, expected: str) -> None:
    assert addresses.normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["123", "abc", "+1 514 234 567", ""])
def test_bad_phone_numbers(raw: str) -> None:
    assert isinstance(addresses.normalise_phone(raw), addresses.Invalid)


def test_emails_are_strict_with_idna_domains() -> None:
    assert addresses.normalise_email("Zoé@Bücher.Example") == "Zoé@bücher.example"
    for bad in ("a@b", "a..b@example.com", "a@example..com", "x" * 65 + "@example.com", "a b@example.com"):
        assert isinstance(addresses.normalise_email(bad), addresses.Invalid), bad


def test_simulated_recipients() -> None:
    assert addresses.simulated_outcome(Channel.SMS, "+15145550101") is Status.PERMANENT_FAILURE
    assert addresses.simulated_outcome(Channel.EMAIL, "Livre@Simulation.Numeriqc.Quebec") is Status.DELIVERED
    assert addresses.simulated_outcome(Channel.SMS, "+15142345678") is None
    assert addresses.normalise_phone("514 555 0102") == "+15145550102"


@pytest.mark.parametrize(
    "raw",
    [
        "Jean.Tremblay@Exemple.QC.CA",
        "a+tag@example.com",
        "x@sub.domain.example.org",
        "o'neil@example.ca",
        "a@localhost.test",
        "a@b.local",
        "a@xn--bcher-kva.example",
        "a@ex--ample.com",
        "a" * 65 + "@example.com",
        "a@example.c",
        "a@-example.com",
    ],
)
def test_the_email_fast_path_agrees_with_email_validator(raw: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    try:
        expected: str | None = str(validate_email(raw, check_deliverability=False).normalized)
        if len(raw.split("@", maxsplit=1)[0].encode()) > 64:
            expected = None
    except EmailNotValidError:
        expected = None
    result = addresses.normalise_email(raw)
    assert (None if isinstance(result, addresses.Invalid) else result) == expected


@pytest.mark.parametrize("prefix", ["514234", "418555", "212555", "800555", "555555", "604123", "236200"])
def test_the_nanp_fast_path_agrees_with_phonenumbers(prefix: str) -> None:
    import phonenumbers

    for suffix in ("0000", "1234", "9999"):
        number = phonenumbers.parse(f"+1{prefix}{suffix}")
        expected = f"+1{prefix}{suffix}" if phonenumbers.is_valid_number(number) else None
        result = addresses.normalise_phone(f"({prefix[:3]}) {prefix[3:]}-{suffix}")
        assert (None if isinstance(result, addresses.Invalid) else result) == expected
