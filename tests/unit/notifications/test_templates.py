"""Template language: placeholders, conditionals, bilingual blocks, Markdown, escaping."""

from datetime import UTC, datetime

import pytest

from numeriqc.notifications import template_language as templates
from numeriqc.notifications.bulk_jobs import validate_rows
from numeriqc.notifications.models import Channel, Template, TemplateEdit

BODY = (
    "[[fr]]# Rappel\nBonjour ((Prénom)), votre **permis** expire le ((date)).\n((urgent??Agissez vite.))\n"
    "* en ligne\n* au comptoir\n\nVoir [le site](https://saaq.gouv.qc.ca).[[/fr]]\n"
    "[[en]]Hello ((prénom)), your licence expires on ((date)).[[/en]]"
)


def values(**extra: object) -> dict[str, str]:
    return templates.values_of({"prénom": "Zoé", "date": "1er mars", "urgent": False, **extra})  # type: ignore[dict-item]


def test_placeholders_compare_without_case_or_spaces() -> None:
    assert templates.placeholders("((Prénom)) ((  date )) ((urgent??x))", None) == [
        "prénom",
        "date",
        "urgent",
    ]


def test_french_block_only_with_markdown_in_text_and_html() -> None:
    email = templates.render_email("Rappel : ((date))", BODY, values(), "fr")
    assert email.subject == "Rappel : 1er mars"
    assert email.text == (
        "Rappel\n\nBonjour Zoé, votre permis expire le 1er mars.\n\n• en ligne\n• au comptoir\n\n"
        "Voir le site (https://saaq.gouv.qc.ca)."
    )
    assert "<h1>Rappel</h1>" in email.html and "<strong>permis</strong>" in email.html
    assert '<a href="https://saaq.gouv.qc.ca">le site</a>' in email.html
    assert "<ul><li>en ligne</li><li>au comptoir</li></ul>" in email.html
    assert "Hello" not in email.text and 'lang="fr"' in email.html


def test_english_and_bilingual() -> None:
    assert (
        templates.render_email("S", BODY, values(), "en").text
        == "Hello Zoé, your licence expires on 1er mars."
    )
    both = templates.render_email("S", BODY, values(), "bilingual").text
    assert both.index("Bonjour") < both.index("Hello")


@pytest.mark.parametrize(
    ("flag", "shown"), [(True, True), ("oui", True), ("yes", True), ("non", False), (False, False)]
)
def test_conditional_text(flag: object, shown: bool) -> None:
    text = templates.render_sms("Bonjour.((urgent?? Agissez vite.))", values(urgent=flag), "fr", False)
    assert ("Agissez vite." in text) is shown


def test_values_are_escaped_in_html_and_never_read_as_markdown() -> None:
    email = templates.render_email("S", "Bonjour ((prénom))", values(prénom="<b>**Zoé**</b>"), "fr")
    assert "&lt;b&gt;**Zoé**&lt;/b&gt;" in email.html and "<strong>" not in email.html
    assert email.text == "Bonjour <b>**Zoé**</b>"


def test_html_in_a_template_is_escaped() -> None:
    assert "&lt;script&gt;" in templates.render_email("S", "<script>x</script>", {}, "fr").html


def test_missing_and_unknown_personalisation_are_each_named() -> None:
    errors = templates.personalisation_errors(["prénom", "date"], {"Prénom": "a", "autre": "b"})
    assert [(e.field, e.code) for e in errors] == [
        ("body.personalisation.date", "missing_placeholder"),
        ("body.personalisation.autre", "unknown_placeholder"),
    ]


def test_content_errors() -> None:
    edit = TemplateEdit(name="x", body="[[fr]]a[[/en]] ((bad?name))", gsm7_safe=True)
    codes = {(e.field, e.code) for e in templates.content_errors(Channel.EMAIL, edit)}
    assert codes == {
        ("body.subject", "subject_required"),
        ("body.gsm7_safe", "sms_only"),
        ("body.body", "language_block"),
        ("body.body", "placeholder_name"),
    }
    assert templates.content_errors(Channel.SMS, TemplateEdit(name="x", body="ok", subject="no"))[0].code == (
        "subject_not_allowed"
    )


def _template(body: str, channel: Channel = Channel.SMS, subject: str | None = None) -> Template:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    return Template(
        template_id="01J0000000000000000000000A",
        version=1,
        channel=channel,
        name="t",
        subject=subject,
        body=body,
        gsm7_safe=False,
        placeholders=templates.placeholders(subject, body),
        created_at=now,
        updated_at=now,
    )


def test_bulk_rows_are_validated_by_row_number_and_column() -> None:
    template = _template("Bonjour ((prénom)).((rappel?? Rappel.))")
    rows = [
        {"phone_number": "514 234 5678", "prénom": "Zoé", "rappel": "oui", "extra": "ignored"},
        {"Téléphone": "123", "prénom": ""},
        {"prénom": "Luc", "rappel": ""},
    ]
    valid, errors, count = validate_rows(template, "fr", rows, 612)
    assert count == 3
    assert [(number, to, fragments) for number, to, _, fragments in valid] == [(1, "+15142345678", 1)]
    assert [(e.row, e.column, e.code) for e in errors] == [
        (2, "Téléphone", "invalid_recipient"),
        (2, "prénom", "missing_placeholder"),
        (2, "rappel", "missing_placeholder"),
        (3, "phone_number", "missing"),
    ]


def test_bulk_rows_over_the_sms_maximum_are_refused() -> None:
    template = _template("((texte))")
    _, errors, _ = validate_rows(template, "fr", [{"phone_number": "5142345678", "texte": "a" * 613}], 612)
    assert [(e.row, e.code) for e in errors] == [(1, "too_long")]
