"""Definitions: every kind's own fields, conditions known and acyclic, questions frozen once open."""

from typing import Any

import pytest

from numeriqc.consultations import questionnaire
from numeriqc.consultations.models import ConsultationIn, Question
from tests.support.consultations import consultation_body
from tests.support.consultations import questionnaire as full_questionnaire


def _fields(questions: list[dict[str, Any]]) -> set[str]:
    request = ConsultationIn.model_validate(consultation_body(questions=questions))
    return {error.field for error in questionnaire.problems(request)}


def test_the_full_questionnaire_of_every_kind_is_accepted() -> None:
    assert _fields(full_questionnaire()) == set()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"options": []}, "body.questions[0].options"),
        ({"type": "multiple", "min_choices": 3, "max_choices": 2}, "body.questions[0].max_choices"),
        ({"type": "multiple", "max_choices": 4}, "body.questions[0].max_choices"),
        ({"type": "ranking", "top_n": 4}, "body.questions[0].top_n"),
        ({"top_n": 2}, "body.questions[0].top_n"),
        ({"type": "scale", "options": [], "scale_min": 1}, "body.questions[0].scale_max"),
        ({"type": "short_text"}, "body.questions[0].options"),
        ({"min_label": {"fr": "x"}}, "body.questions[0].min_label"),
    ],
)
def test_each_kinds_fields_are_checked_and_named(change: dict[str, Any], field: str) -> None:
    questions = full_questionnaire()
    questions[0] = {**questions[0], **change}
    assert field in _fields(questions)


def test_duplicate_ids_and_two_statements_questions_are_refused() -> None:
    questions = full_questionnaire()
    questions[2] = {**questions[2], "id": "q_mode"}
    questions[3] = {**questions[3], "options": [{"id": "a", "label": {"fr": "a"}}] * 2}
    questions.append({"id": "q_more", "type": "statements", "text": {"fr": "Encore"}})
    assert {"body.questions[2].id", "body.questions[3].options[1].id", "body.questions[7].type"} <= _fields(
        questions
    )


def test_conditions_must_name_a_known_choice_question_and_option() -> None:
    questions = full_questionnaire()
    questions[1]["show_if"] = {"question": "q_score", "any_of": ["1"]}
    assert "body.questions[1].show_if.question" in _fields(questions)
    questions[1]["show_if"] = {"question": "q_mode", "any_of": ["bus", "train"]}
    assert "body.questions[1].show_if.any_of[1]" in _fields(questions)


def test_a_cycle_of_conditions_is_refused_naming_it() -> None:
    questions = full_questionnaire()
    questions[0]["show_if"] = {"question": "q_rank", "any_of": ["a"]}
    questions[3]["show_if"] = {"question": "q_days", "any_of": ["lun"]}
    questions[2]["show_if"] = {"question": "q_mode", "any_of": ["bus"]}
    request = ConsultationIn.model_validate(consultation_body(questions=questions))
    (cycle,) = [e for e in questionnaire.problems(request) if e.code == "cycle"]
    assert "q_days → q_mode → q_rank → q_days" in cycle.render("en")["detail"]


def test_find_cycle_on_chains_and_loops() -> None:
    assert questionnaire.find_cycle({"b": "a", "c": "b"}) == []
    assert questionnaire.find_cycle({"a": "a"}) == ["a"]
    assert sorted(questionnaire.find_cycle({"x": "y", "y": "z", "z": "x", "w": "x"})) == ["x", "y", "z"]


def test_once_open_only_texts_may_change() -> None:
    before = [Question.model_validate(q) for q in full_questionnaire()]
    texts = full_questionnaire()
    texts[0]["text"] = {"fr": "Mode de transport principal?", "en": "Main mode?"}
    texts[0]["options"][0]["label"] = {"fr": "Autobus (RTC)"}
    assert questionnaire.frozen_problems(before, [Question.model_validate(q) for q in texts]) == []
    structure = full_questionnaire()
    structure[2]["max_choices"] = 3
    found = questionnaire.frozen_problems(before, [Question.model_validate(q) for q in structure])
    assert [error.field for error in found] == ["body.questions[2]"]
    assert questionnaire.frozen_problems(before, before[:-1])[0].field == "body.questions"
