"""A consultation's opinion-group analysis: recomputed from every vote, stored as a snapshot. Pure logic.

The snapshot says how many vote writes it covers (read before the votes, so it never claims more
than it saw) and names statements by id and participants by nothing at all: groups are sizes and
statements, never who is in them.
"""

from datetime import datetime
from typing import Any

from numeriqc.consultations.models import Analysis
from numeriqc.consultations.ports import VoteMatrixSource
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.problems import NotFound

_NONE_YET = Message(
    "Aucune analyse encore : il faut au moins 4 participants ayant voté sur 7 énoncés.",
    "No analysis yet: at least 4 participants must have voted on 7 statements.",
)


def snapshot(triples: list[tuple[str, str, str]], votes_covered: int, now: datetime) -> dict[str, Any]:
    # numpy is imported here, in the analysis function only: the API reads snapshots without it,
    # and its cold start stays free of numpy's import time.
    from numeriqc.consultations import opinion_groups

    votes, people, statements = opinion_groups.from_triples(triples)
    model = opinion_groups.analyse(votes) if people else None
    groups: list[dict[str, Any]] = []
    consensus: list[dict[str, Any]] = []
    if model is not None:
        for group in range(model.k):
            representative = [
                {**entry, "statement": statements[entry["statement"]]}
                for entry in model.representative[group]
            ]
            size = int((model.labels == group).sum())
            groups.append({"group": group, "size": size, "representative": representative})
        consensus = [{**entry, "statement": statements[entry["statement"]]} for entry in model.consensus]
    return {
        "votes_covered": votes_covered,
        "participants": len(people),
        "statements": len(statements),
        "groups": groups,
        "consensus": consensus,
        "computed_at": now.isoformat(),
    }


class Analyses:
    def __init__(self, source: VoteMatrixSource, clock: Clock = installed_clock) -> None:
        self._source = source
        self._clock = clock

    def recompute(self, consultation_id: str) -> dict[str, Any] | None:
        """The new snapshot, stored; None when there is no vote to analyse (nothing is written)."""
        covered = self._source.vote_count(consultation_id)
        if covered == 0:
            return None
        result = snapshot(self._source.votes(consultation_id), covered, self._clock())
        self._source.save_analysis(consultation_id, result, covered)
        return result

    def latest(self, consultation_id: str) -> Analysis:
        found = self._source.analysis(consultation_id)
        if found is None:
            raise NotFound(_NONE_YET)
        return Analysis.model_validate({"consultation_id": consultation_id, **found})
