"""Whether a consultation's questions are well formed, and which changes are allowed once it is open.

Pure logic. Every problem names its field (`body.questions[2].max_choices`) so an organization
fixes all of them in one pass. Conditions form a graph (B shown when A has a given answer); it
must be acyclic, or some question could never be shown: checked on every save and again at
scheduling. Once open the questions are frozen (ids, kinds, options, limits, conditions) so that
every participant answered the same questionnaire and results stay comparable; texts may still
be corrected.
"""

from numeriqc.consultations.models import ConsultationIn, Eligibility, Question, QuestionType
from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError

CHOICE_TYPES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.RANKING)

_DUPLICATE = Message("L'identifiant « {id} » est déjà utilisé.", "The id '{id}' is already used.")
_NEEDS_OPTIONS = Message(
    "Ce type de question demande au moins deux options.", "This kind of question needs at least two options."
)
_NO_OPTIONS = Message("Ce type de question n'a pas d'options.", "This kind of question has no options.")
_MIN_MAX = Message(
    "Le minimum doit être au plus le maximum, et le maximum au plus le nombre d'options ({count}).",
    "The minimum must be at most the maximum, and the maximum at most the number of options ({count}).",
)
_NOT_HERE = Message("Ce champ ne s'applique pas à ce type de question.", "This field does not apply here.")
_SCALE = Message(
    "Une échelle va de 0 ou 1 jusqu'à 5 à 10 (scale_min et scale_max).",
    "A scale goes from 0 or 1 up to 5 to 10 (scale_min and scale_max).",
)
_UNKNOWN_QUESTION = Message(
    "La condition nomme une question à choix inconnue : « {id} ».",
    "The condition names an unknown choice question: '{id}'.",
)
_UNKNOWN_OPTION = Message(
    "La question « {question} » n'a pas d'option « {id} ».", "Question '{question}' has no option '{id}'."
)
_CYCLE = Message(
    "Les conditions forment un cycle : {cycle}. Une de ces questions ne pourrait jamais s'afficher.",
    "The conditions form a cycle: {cycle}. One of these questions could never be shown.",
)
_ONE_STATEMENTS = Message(
    "Une consultation a au plus une question d'énoncés.",
    "A consultation has at most one statements question.",
)
_SMS_POLL = Message(
    "Un sondage par texto pose une seule question : un choix unique (10 options au plus) ou une échelle.",
    "An SMS poll asks one question: a single choice (at most 10 options) or a scale.",
)
FROZEN = Message(
    "La consultation est ouverte : les questions sont figées, seuls les textes peuvent être corrigés.",
    "The consultation is open: questions are frozen, only texts may be corrected.",
)


def problems(consultation: ConsultationIn) -> list[FieldError]:
    """Every fault of the definition, each naming its field; empty when it may be saved."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    statements = 0
    for index, question in enumerate(consultation.questions):
        at = f"body.questions[{index}]"
        if question.id in seen:
            errors.append(FieldError(f"{at}.id", "duplicate", _DUPLICATE, id=question.id))
        seen.add(question.id)
        statements += question.type == QuestionType.STATEMENTS
        if statements > 1 and question.type == QuestionType.STATEMENTS:
            errors.append(FieldError(f"{at}.type", "one_statements_question", _ONE_STATEMENTS))
        errors.extend(_kind_problems(question, at))
    errors.extend(_condition_problems(consultation.questions))
    if consultation.eligibility == Eligibility.SMS_POLL:
        errors.extend(_sms_poll_problems(consultation.questions))
    return errors


def _sms_poll_problems(questions: list[Question]) -> list[FieldError]:
    """An SMS poll asks ONE question a reply of one number answers: a single choice among at most
    10 options (replied 1..n) or a scale (replied scale_min..scale_max, at most 0-10)."""
    if len(questions) != 1:
        return [FieldError("body.questions", "sms_poll_one_question", _SMS_POLL)]
    question = questions[0]
    if question.type not in (QuestionType.SINGLE, QuestionType.SCALE) or len(question.options) > 10:
        return [FieldError("body.questions[0].type", "sms_poll_kind", _SMS_POLL)]
    return []


def _kind_problems(question: Question, at: str) -> list[FieldError]:
    errors: list[FieldError] = []
    kind = question.type
    option_ids = [option.id for option in question.options]
    for position, option_id in enumerate(option_ids):
        if option_id in option_ids[:position]:
            errors.append(FieldError(f"{at}.options[{position}].id", "duplicate", _DUPLICATE, id=option_id))
    if kind in CHOICE_TYPES and len(option_ids) < 2:
        errors.append(FieldError(f"{at}.options", "options_required", _NEEDS_OPTIONS))
    if kind not in CHOICE_TYPES and option_ids:
        errors.append(FieldError(f"{at}.options", "not_applicable", _NO_OPTIONS))
    allowed = {
        QuestionType.MULTIPLE: {"min_choices", "max_choices"},
        QuestionType.RANKING: {"top_n"},
        QuestionType.SCALE: {"scale_min", "scale_max", "min_label", "max_label"},
    }.get(kind, set())
    for name in ("min_choices", "max_choices", "top_n", "scale_min", "scale_max", "min_label", "max_label"):
        if getattr(question, name) is not None and name not in allowed:
            errors.append(FieldError(f"{at}.{name}", "not_applicable", _NOT_HERE))
    if kind == QuestionType.MULTIPLE:
        low, high = question.min_choices or 0, question.max_choices or len(option_ids)
        if low > high or high > len(option_ids):
            errors.append(FieldError(f"{at}.max_choices", "min_max", _MIN_MAX, count=len(option_ids)))
    if kind == QuestionType.RANKING and (question.top_n or 0) > len(option_ids):
        errors.append(FieldError(f"{at}.top_n", "min_max", _MIN_MAX, count=len(option_ids)))
    if kind == QuestionType.SCALE and (
        question.scale_min is None or question.scale_max is None or question.scale_max < 5
    ):
        errors.append(FieldError(f"{at}.scale_max", "scale", _SCALE))
    return errors


def _condition_problems(questions: list[Question]) -> list[FieldError]:
    errors: list[FieldError] = []
    by_id = {question.id: question for question in questions}
    for index, question in enumerate(questions):
        condition = question.show_if
        if condition is None:
            continue
        target = by_id.get(condition.question)
        if target is None or target.type not in CHOICE_TYPES:
            errors.append(
                FieldError(
                    f"body.questions[{index}].show_if.question",
                    "unknown",
                    _UNKNOWN_QUESTION,
                    id=condition.question,
                )
            )
            continue
        options = {option.id for option in target.options}
        for position, option_id in enumerate(condition.any_of):
            if option_id not in options:
                errors.append(
                    FieldError(
                        f"body.questions[{index}].show_if.any_of[{position}]",
                        "unknown",
                        _UNKNOWN_OPTION,
                        question=target.id,
                        id=option_id,
                    )
                )
    cycle = find_cycle(
        {q.id: q.show_if.question for q in questions if q.show_if and q.show_if.question in by_id}
    )
    if cycle:
        index = next(i for i, q in enumerate(questions) if q.id == cycle[0])
        errors.append(
            FieldError(
                f"body.questions[{index}].show_if", "cycle", _CYCLE, cycle=" → ".join([*cycle, cycle[0]])
            )
        )
    return errors


def find_cycle(depends_on: dict[str, str]) -> list[str]:
    """A cycle in a graph where each question depends on at most one other, or [] when acyclic.

    Each node has one outgoing edge at most, so following edges from every node either ends or
    comes back to a node already on the current path: that loop is the cycle.
    """
    done: set[str] = set()
    for start in sorted(depends_on):
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in done:
            if node in path:
                return path[path.index(node) :]
            path.append(node)
            node = depends_on.get(node)
        done.update(path)
    return []


def frozen_problems(before: list[Question], after: list[Question]) -> list[FieldError]:
    """What an edit of an open consultation changed beyond its texts (empty when only texts changed)."""
    if len(before) != len(after):
        return [FieldError("body.questions", "frozen", FROZEN)]
    errors = []
    for index, (old, new) in enumerate(zip(before, after, strict=True)):
        if _structure(old) != _structure(new):
            errors.append(FieldError(f"body.questions[{index}]", "frozen", FROZEN))
    return errors


def _structure(question: Question) -> dict[str, object]:
    """A question without its texts: what must not change once participants have answered."""
    data = question.model_dump(exclude={"text", "min_label", "max_label"})
    data["options"] = [option["id"] for option in data["options"]]
    return data
