"""What a citizen's SMS reply means for a one-number question (polls, feedback's "reply 1 to 5")."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numeriqc.notifications import keywords
from numeriqc.notifications.sms_answers import Question, answer, help_due

SCALE = Question(0, 10)
FIVE = Question(1, 5)
YES_NO = Question(1, 2)


@pytest.mark.parametrize(
    ("body", "question", "expected"),
    [
        ("2", FIVE, 2),
        (" 10 ", SCALE, 10),
        ("0", SCALE, 0),
        ("3.", FIVE, 3),
        ("#4", FIVE, 4),
        ("oui", YES_NO, 1),
        ("Non", YES_NO, 2),
        ("YES!", YES_NO, 1),
        ("oui", FIVE, None),  # yes / no only means 1 / 2 for a two-option question
        ("6", FIVE, None),
        ("0", FIVE, None),
        ("11", SCALE, None),
        ("2 3", FIVE, None),
        ("deux", FIVE, None),
        ("", FIVE, None),
        ("-1", SCALE, None),
    ],
)
def test_a_reply_is_read_as_one_answer_in_range_or_not_at_all(
    body: str, question: Question, expected: int | None
) -> None:
    assert answer(body, question) == expected


@given(st.text(max_size=30), st.integers(0, 9), st.integers(1, 10))
def test_an_answer_is_always_in_the_question_s_range(body: str, low: int, span: int) -> None:
    question = Question(low, min(low + span, 10))
    value = answer(body, question)
    assert value is None or question.low <= value <= question.high


@pytest.mark.parametrize("word", ["STOP", "Arrêt", "aide", "HELP", "FIN"])
def test_keywords_are_never_answers(word: str) -> None:
    """Keywords are decided first (keywords.keyword) and are not readable as answers either."""
    assert keywords.keyword(word) is not keywords.Keyword.OTHER
    assert answer(word, YES_NO) is None and answer(word, SCALE) is None


def test_only_the_first_unreadable_reply_gets_help() -> None:
    assert [help_due(n) for n in range(3)] == [True, False, False]


def test_a_question_is_at_most_zero_to_ten() -> None:
    with pytest.raises(ValueError):
        Question(1, 11)
    with pytest.raises(ValueError):
        Question(3, 3)
