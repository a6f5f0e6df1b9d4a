"""Ballots: tallies per kind, and counter moves that stay exact over any sequence of changes."""

from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from numeriqc.consultations import ballots, participation
from numeriqc.consultations.models import Question
from tests.support.consultations import questionnaire

QUESTIONS = [Question.model_validate(q) for q in questionnaire()]


def test_tallies_of_each_kind() -> None:
    ballot, removed = ballots.check(
        QUESTIONS,
        {"q_mode": "velo", "q_days": ["jeu"], "q_rank": ["c", "b"], "q_score": 0, "q_comment": "ok"},
    )
    assert removed == []
    assert "q_why" not in ballot  # not shown: neither answered nor blank
    tallies = ballots.tallies(QUESTIONS, ballot)
    assert tallies["q_mode"] == {"answered": 1, "o:velo": 1}
    assert tallies["q_rank"] == {"answered": 1, "o:c": 1, "r1:c": 1, "p:c": 2, "o:b": 1, "r2:b": 1, "p:b": 1}
    assert tallies["q_score"] == {"answered": 1, "v:0": 1}
    assert tallies["q_comment"] == {"answered": 1}


def test_a_condition_on_a_later_question_is_evaluated_in_dependency_order() -> None:
    raw = questionnaire()
    reordered = [raw[1], raw[0], *raw[2:]]  # q_why (conditional on q_mode) comes first
    questions = [Question.model_validate(q) for q in reordered]
    ballot, _ = ballots.check(questions, {"q_why": "parce que", "q_mode": "bus"})
    assert ballot["q_why"] == "parce que"


ANSWERS = st.fixed_dictionaries(
    {
        "q_mode": st.sampled_from(["bus", "auto", "velo"]),
        "q_days": st.sampled_from([[], ["lun"], ["mar", "jeu"]]),
        "q_rank": st.sampled_from([[], ["a", "b"], ["c", "a"]]),
        "q_score": st.one_of(st.none(), st.integers(0, 10)),
    }
)
PEOPLE = st.tuples(st.sampled_from(["03", "06", None]), st.sampled_from(["25-34", None]))


def _stored(answers: dict[str, Any], who: tuple[str | None, str | None]) -> dict[str, Any]:
    ballot, _ = ballots.check(QUESTIONS, answers)
    return {"answers": ballot, "region": who[0], "age_band": who[1]}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), ANSWERS, PEOPLE), min_size=1, max_size=12))
def test_counters_after_any_sequence_of_answers_and_changes_equal_a_recount(
    steps: list[tuple[int, dict[str, Any], tuple[str | None, str | None]]],
) -> None:
    counters: dict[tuple[str, str], Counter[str]] = {}
    people: Counter[str] = Counter()
    current: dict[int, dict[str, Any]] = {}
    for who, answers, attributes in steps:
        new = _stored(answers, attributes)
        moves, deltas = participation.counter_moves(QUESTIONS, new, current.get(who))
        for cut, questions in moves.items():
            for qid, cells in questions.items():
                counters.setdefault((cut, qid), Counter()).update(cells)
        people.update(deltas)
        current[who] = new
    recount: dict[tuple[str, str], Counter[str]] = {}
    expected_people: Counter[str] = Counter()
    for ballot in current.values():
        for cut in participation.cuts(ballot):
            expected_people[cut] += 1
            for qid, cells in ballots.tallies(QUESTIONS, ballot["answers"]).items():
                recount.setdefault((cut, qid), Counter()).update(cells)

    def without_zeros(found: dict[Any, Counter[str]]) -> dict[Any, dict[str, int]]:
        cleaned = {key: {cell: n for cell, n in cells.items() if n != 0} for key, cells in found.items()}
        return {key: cells for key, cells in cleaned.items() if cells}  # negatives stay: they are bugs

    assert without_zeros(counters) == without_zeros(recount)
    assert {cut: n for cut, n in people.items() if n != 0} == dict(expected_people)
