"""A participant's answers: checked against the questions, text redacted, turned into tallies.

Pure logic. Checking names the faulty answer (`body.answers.q3`) for every kind of fault: an
unknown question or option, too few or too many choices, a ranking with duplicates or of the
wrong length, a scale value out of range, a text too long, a required question left blank, an
answer to a question its condition hides. Text is redacted (`core.redaction`) before it leaves
this module: the original is never stored.

Tallies are what a ballot adds to the pre-aggregated counters, per question: `answered` or
`blank`, one cell per chosen option (`o:<id>`), per rank (`r<k>:<id>`) and Borda points
(`p:<id>`) for rankings, per value (`v:<n>`) for scales. Changing a ballot adds the new tallies
and subtracts the old ones (`difference`), so counters stay exact whatever the order of changes.
"""

from collections import Counter
from typing import Any

from numeriqc.consultations.models import LONG_TEXT, SHORT_TEXT, AnswerValue, Question, QuestionType
from numeriqc.core.i18n import Message
from numeriqc.core.pii import redact
from numeriqc.core.problems import FieldError, ValidationFailed

Tallies = dict[str, dict[str, int]]  # question id -> cell -> count

_UNKNOWN_QUESTION = Message("Cette question n'existe pas.", "This question does not exist.")
_UNKNOWN_OPTION = Message("L'option « {id} » n'existe pas.", "Option '{id}' does not exist.")
_EXPECTED = Message("Réponse attendue : {kind}.", "Expected answer: {kind}.")
_CHOICES = Message("Choisissez de {low} à {high} options.", "Choose between {low} and {high} options.")
_DUPLICATES = Message("Une option ne peut être choisie qu'une fois.", "An option can only be chosen once.")
_RANKING = Message(
    "Classez exactement {count} options, chacune une fois.", "Rank exactly {count} options, each once."
)
_SCALE = Message("La valeur doit aller de {low} à {high}.", "The value must be from {low} to {high}.")
_TOO_LONG = Message("Au plus {max} caractères sont permis.", "At most {max} characters are allowed.")
_REQUIRED = Message("Cette question demande une réponse.", "This question requires an answer.")
_HIDDEN = Message(
    "Cette question n'est pas posée avec vos réponses précédentes.",
    "This question is not asked given your previous answers.",
)
_STATEMENTS = Message(
    "On répond aux énoncés en votant sur chacun.", "Statements are answered by voting on each one."
)
_KINDS = {
    QuestionType.SINGLE: "option",
    QuestionType.MULTIPLE: "[options]",
    QuestionType.RANKING: "[options]",
    QuestionType.SCALE: "integer",
    QuestionType.SHORT_TEXT: "text",
    QuestionType.LONG_TEXT: "text",
}


def check(questions: list[Question], answers: dict[str, AnswerValue]) -> tuple[dict[str, Any], list[str]]:
    """The ballot to store (text redacted, blanks as None) and the kinds of information removed.

    Raises one 422 naming every faulty answer.
    """
    by_id = {question.id: question for question in questions}
    errors = [
        FieldError(f"body.answers.{qid}", "unknown_question", _UNKNOWN_QUESTION)
        for qid in answers
        if qid not in by_id
    ]
    ballot: dict[str, Any] = {}
    removed: set[str] = set()
    for question in asking_order(questions):
        if question.type == QuestionType.STATEMENTS:
            if answers.get(question.id) is not None:
                errors.append(FieldError(f"body.answers.{question.id}", "statements", _STATEMENTS))
            continue
        value = answers.get(question.id)
        field = f"body.answers.{question.id}"
        if not shown(question, ballot):
            if _given(value):
                errors.append(FieldError(field, "not_shown", _HIDDEN))
            continue
        if not _given(value):
            if question.required:
                errors.append(FieldError(field, "missing", _REQUIRED))
            ballot[question.id] = None
            continue
        problem, normalized, kinds = _answer(question, value, field)
        if problem is not None:
            errors.append(problem)
        else:
            ballot[question.id] = normalized
            removed.update(kinds)
    if errors:
        raise ValidationFailed(errors=errors)
    return ballot, sorted(removed)


def asking_order(questions: list[Question]) -> list[Question]:
    """The questions with each one after the question its condition reads (conditions are acyclic,
    checked when saved), so whether a question is shown is known when it is reached."""
    by_id = {question.id: question for question in questions}

    def depth(question: Question) -> int:
        steps, seen = 0, {question.id}
        while question.show_if and question.show_if.question in by_id:
            question = by_id[question.show_if.question]
            if question.id in seen:
                break
            seen.add(question.id)
            steps += 1
        return steps

    return sorted(questions, key=depth)


def shown(question: Question, ballot: dict[str, Any]) -> bool:
    """Whether a question is asked, given the earlier answers (conditions point backwards or are
    checked acyclic; an answer not yet known hides the question)."""
    condition = question.show_if
    if condition is None:
        return True
    answer = ballot.get(condition.question)
    chosen = [answer] if isinstance(answer, str) else list(answer or [])
    return any(option in chosen for option in condition.any_of)


def _given(value: AnswerValue) -> bool:
    return value is not None and value not in ("", [])


Checked = tuple[FieldError | None, Any, list[str]]


def _answer(question: Question, value: AnswerValue, field: str) -> Checked:
    """One answer checked: (the fault, or None; the value to store; kinds of information removed)."""
    expected = FieldError(field, "type", _EXPECTED, kind=_KINDS[question.type])
    if question.type == QuestionType.SINGLE:
        if not isinstance(value, str):
            return expected, None, []
        if value not in {option.id for option in question.options}:
            return FieldError(field, "unknown_option", _UNKNOWN_OPTION, id=value), None, []
        return None, value, []
    if question.type in (QuestionType.MULTIPLE, QuestionType.RANKING):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return expected, None, []
        return _choices(question, value, field)
    if question.type == QuestionType.SCALE:
        low, high = question.scale_min or 0, question.scale_max or 10
        if not isinstance(value, int) or isinstance(value, bool):
            return expected, None, []
        if not low <= value <= high:
            return FieldError(field, "scale", _SCALE, low=low, high=high), None, []
        return None, value, []
    if not isinstance(value, str):
        return expected, None, []
    limit = SHORT_TEXT if question.type == QuestionType.SHORT_TEXT else LONG_TEXT
    if len(value) > limit:
        return FieldError(field, "too_long", _TOO_LONG, max=limit), None, []
    text, kinds = redact(value)
    return None, text, [found.value for found in kinds]


def _choices(question: Question, value: list[str], field: str) -> Checked:
    """Several options (multiple choice, ranking): known, each once, as many as the question asks."""
    options = [option.id for option in question.options]
    unknown = [item for item in value if item not in options]
    if unknown:
        return FieldError(field, "unknown_option", _UNKNOWN_OPTION, id=unknown[0]), None, []
    if len(set(value)) != len(value):
        return FieldError(field, "duplicates", _DUPLICATES), None, []
    if question.type == QuestionType.MULTIPLE:
        low, high = question.min_choices or 1, question.max_choices or len(options)
        if not low <= len(value) <= high:
            return FieldError(field, "choices", _CHOICES, low=low, high=high), None, []
    elif len(value) != (question.top_n or len(options)):
        return FieldError(field, "ranking", _RANKING, count=question.top_n or len(options)), None, []
    return None, list(value), []


def tallies(questions: list[Question], ballot: dict[str, Any] | None) -> Tallies:
    """What a stored ballot adds to the counters, per question (nothing for questions not shown)."""
    found: Tallies = {}
    if ballot is None:
        return found
    for question in questions:
        if question.id not in ballot:
            continue
        value = ballot[question.id]
        if value is None:
            found[question.id] = {"blank": 1}
            continue
        cells = {"answered": 1}
        if question.type == QuestionType.SINGLE:
            cells[f"o:{value}"] = 1
        elif question.type == QuestionType.MULTIPLE:
            cells.update({f"o:{option}": 1 for option in value})
        elif question.type == QuestionType.RANKING:
            points = question.top_n or len(question.options)
            for rank, option in enumerate(value, start=1):
                cells[f"o:{option}"] = 1
                cells[f"r{rank}:{option}"] = 1
                cells[f"p:{option}"] = points - rank + 1  # Borda: first of N gets N points
        elif question.type == QuestionType.SCALE:
            cells[f"v:{value}"] = 1
        found[question.id] = cells
    return found


def difference(new: Tallies, old: Tallies) -> Tallies:
    """new - old, per question, without the cells that do not move."""
    result: Tallies = {}
    for qid in new.keys() | old.keys():
        delta = Counter(new.get(qid, {}))
        delta.subtract(old.get(qid, {}))
        moved = {cell: count for cell, count in delta.items() if count}
        if moved:
            result[qid] = moved
    return result
