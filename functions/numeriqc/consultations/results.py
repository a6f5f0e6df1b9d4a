"""A consultation's results, read from its pre-aggregated counters. Pure logic.

Counts and percentages per option (of those who answered), blank answers, ranks and average
Borda points for rankings, participation per day, and breakdowns by self-declared region and age
band with small-cell suppression (suppression.py). Reading results is one Query of counter
records whose number depends on questions, groups and days, never on participants: the same cost
at 10 and at 100,000 participations. Live results only when the organization chose them.
"""

from collections import defaultdict
from typing import Any

from numeriqc.consultations import lifecycle, suppression
from numeriqc.consultations.models import (
    Breakdown,
    BreakdownRow,
    OptionResult,
    Question,
    QuestionResult,
    QuestionType,
    Results,
)
from numeriqc.consultations.ports import Tally, TallyReader
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Forbidden

MINIMUM_CELL = 5
DIMENSIONS = ("region", "age")
_NOT_YET = Message(
    "Les résultats seront disponibles après la fermeture de la consultation.",
    "Results will be available once the consultation closes.",
)


def columns(question: Question) -> list[str]:
    """The cells a question's results show, in the questionnaire's order."""
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.RANKING):
        return [f"o:{option.id}" for option in question.options] + ["blank"]
    if question.type == QuestionType.SCALE:
        low, high = question.scale_min or 0, question.scale_max or 10
        return [f"v:{value}" for value in range(low, high + 1)] + ["blank"]
    return ["answered", "blank"]


def question_result(question: Question, cells: dict[str, int]) -> QuestionResult:
    answered, blank = cells.get("answered", 0), cells.get("blank", 0)
    options = []
    for column in columns(question):
        if column in ("answered", "blank"):
            continue
        count = cells.get(column, 0)
        option_id = column.split(":", 1)[1]
        ranks = None
        if question.type == QuestionType.RANKING:
            depth = question.top_n or len(question.options)
            ranks = {str(rank): cells.get(f"r{rank}:{option_id}", 0) for rank in range(1, depth + 1)}
        percent = round(100 * count / answered, 1) if answered else 0.0
        options.append(OptionResult(id=option_id, count=count, percent=percent, ranks=ranks))
    points = None
    if question.type == QuestionType.RANKING:
        points = {
            option.id: round(cells.get(f"p:{option.id}", 0) / answered, 2) if answered else 0.0
            for option in question.options
        }
    return QuestionResult(
        id=question.id,
        type=question.type,
        answered=answered,
        blank=blank,
        options=options,
        average_points=points,
    )


def breakdown(dimension: str, questions: list[Question], tallies: list[Tally]) -> Breakdown:
    """One dimension's rows, every count under the minimum hidden, and their complements."""
    people = {
        t.group.split(":", 1)[1]: t.cells.get("n", 0)
        for t in tallies
        if t.kind == "people" and t.group.startswith(f"{dimension}:")
    }
    groups = sorted(group for group, count in people.items() if count > 0)
    cells: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for tally in tallies:
        if tally.kind == "question" and tally.group.startswith(f"{dimension}:"):
            cells[(tally.group.split(":", 1)[1], tally.question)] = tally.cells
    hidden_people = suppression.vector([people[group] for group in groups], MINIMUM_CELL)
    rows = [
        BreakdownRow(group=group, participants=None if hidden else people[group], cells={})
        for group, hidden in zip(groups, hidden_people, strict=True)
    ]
    for question in questions:
        if question.type == QuestionType.STATEMENTS:
            continue
        names = columns(question)
        grid = [[cells[(group, question.id)].get(name, 0) for name in names] for group in groups]
        mask = suppression.table(grid, MINIMUM_CELL)
        for row, counts, hidden_cells in zip(rows, grid, mask, strict=True):
            row.cells[question.id] = {
                name: None if hide else count
                for name, count, hide in zip(names, counts, hidden_cells, strict=True)
            }
    return Breakdown(dimension=dimension, rows=rows)


class ResultsReader:
    def __init__(self, tallies: TallyReader, clock: Clock = installed_clock) -> None:
        self._tallies = tallies
        self._clock = clock

    def read(self, consultation: dict[str, Any], *, organization: bool) -> Results:
        now = self._clock()
        if not lifecycle.results_visible(consultation, now, organization=organization):
            raise Forbidden(_NOT_YET)
        questions = [Question.model_validate(question) for question in consultation["questions"]]
        tallies = self._tallies.tallies(consultation["consultation_id"])
        overall = {t.question: t.cells for t in tallies if t.kind == "question" and t.group == "all"}
        participants = sum(t.cells.get("n", 0) for t in tallies if t.kind == "people" and t.group == "all")
        return Results(
            consultation_id=consultation["consultation_id"],
            status=lifecycle.status_at(consultation, now),
            participants=participants,
            questions=[
                question_result(question, overall.get(question.id, {}))
                for question in questions
                if question.type != QuestionType.STATEMENTS
            ],
            participation_by_day={
                t.group: t.cells.get("n", 0) for t in sorted(tallies, key=_day) if t.kind == "day"
            },
            breakdowns=[breakdown(dimension, questions, tallies) for dimension in DIMENSIONS],
            minimum_cell=MINIMUM_CELL,
        )


def _day(tally: Tally) -> str:
    return tally.group
