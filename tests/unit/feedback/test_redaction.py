"""Redaction of personal information in citizens' comments, on the labelled corpus and edge cases."""

import json
from pathlib import Path

import pytest

from numeriqc.core.pii import Kind, find, redact
from numeriqc.core.redaction import luhn_valid

CORPUS = Path(__file__).resolve().parents[2] / "data" / "feedback" / "redaction_corpus.jsonl"
LINES = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
STRUCTURED = {Kind.EMAIL, Kind.PHONE, Kind.SIN, Kind.RAMQ, Kind.POSTAL_CODE, Kind.CARD}
# Known misses, kept in the corpus so that the figures stay honest (docs/feedback.md).
KNOWN_MISSES = {"jean dot tremblay at gmail dot com", "1200 de la Gauchetière"}


def test_corpus_is_large_bilingual_and_labelled() -> None:
    assert len(LINES) >= 300
    assert {line["lang"] for line in LINES} == {"fr", "en"}
    labelled = {span["kind"] for line in LINES for span in line["spans"]}
    assert labelled == {kind.value for kind in Kind}
    assert sum(1 for line in LINES if not line["spans"]) >= 50


def _overlap(span: object, start: int, end: int) -> bool:
    return span.start < end and start < span.end  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", sorted(Kind), ids=str)
def test_every_labelled_identifier_is_found_and_nothing_else(kind: Kind) -> None:
    misses, false_positives, labelled = [], [], 0
    for line in LINES:
        found = [span for span in find(line["text"]) if span.kind == kind]
        expected = [(s["start"], s["end"]) for s in line["spans"] if s["kind"] == kind.value]
        labelled += len(expected)
        misses += [
            line["text"][start:end]
            for start, end in expected
            if not any(_overlap(span, start, end) for span in found)
        ]
        false_positives += [
            line["text"][span.start : span.end]
            for span in found
            if not any(_overlap(span, start, end) for start, end in expected)
        ]
    assert labelled >= 30
    assert false_positives == []
    assert set(misses) <= KNOWN_MISSES
    if kind in STRUCTURED:
        assert (labelled - len(misses)) / labelled >= 0.95


def test_ordinary_numbers_are_left_alone() -> None:
    for line in LINES:
        if not line["spans"]:
            assert redact(line["text"]) == (line["text"], []), line["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Écrivez à a.b@c.qc.ca.", "Écrivez à [courriel]."),
        ("Tél. (418) 555-0142 poste 12, merci", "Tél. [téléphone], merci"),
        ("+1 514 555 0199", "[téléphone]"),
        ("NAS 130-692-544", "NAS [NAS]"),
        ("RAMQ TREM 8503 1512", "RAMQ [RAMQ]"),
        ("g1r4s9", "[code postal]"),
        ("carte 4520 1234 5678 9018", "carte [carte]"),
        ("au 1234, rue Saint-Denis.", "au [adresse]."),
        ("at 221 Baker Street, apt 4", "at [adresse]"),
    ],
)
def test_typed_placeholders(text: str, expected: str) -> None:
    assert redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "NAS 130 692 545",  # Luhn fails: a typo'd or made-up number, not a SIN
        "4520 1234 5678 9012",  # Luhn fails
        "ABCD 1234 5678",  # no birth month 34
        "dossier 130692544",  # Luhn-valid, but introduced as a file number
        "le 2024-03-15 à 14:30, 1 250,00 $",
        "3 rues plus loin",
    ],
)
def test_near_misses_are_not_personal_information(text: str) -> None:
    assert redact(text) == (text, [])


def test_kinds_are_reported_once_each_and_sorted() -> None:
    _, kinds = redact("a@b.ca, c@d.ca, 418-555-0142")
    assert kinds == [Kind.EMAIL, Kind.PHONE]


def test_luhn() -> None:
    assert luhn_valid("130692544")
    assert luhn_valid("4520123456789018")
    assert not luhn_valid("130692545")
