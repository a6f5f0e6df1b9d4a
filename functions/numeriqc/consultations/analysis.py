"""A consultation's opinion-group analysis: recomputed from every vote, stored as a snapshot. Pure logic.

The votes come from a matrix file the analysis keeps (vote_matrix.py), merged each run with the
votes changed since the last one: one object and a page or two of items, not every vote again.

The snapshot says how many vote writes it covers (read before the votes, so it never claims more
than it saw) and names statements by id and participants by nothing at all: groups are sizes and
statements, never who is in them.
"""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from numeriqc.consultations.models import Analysis
from numeriqc.consultations.ports import MatrixFiles, VoteMatrixSource
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import NotFound

if TYPE_CHECKING:  # numpy stays out of the API's imports (see snapshot)
    from numeriqc.consultations.vote_matrix import VoteMatrix

_NONE_YET = Message(
    "Aucune analyse encore : il faut au moins 4 participants ayant voté sur 7 énoncés.",
    "No analysis yet: at least 4 participants must have voted on 7 statements.",
)


def snapshot(matrix: "VoteMatrix", votes_covered: int, now: datetime) -> dict[str, Any]:
    # numpy is imported here, in the analysis function only: the API reads snapshots without it,
    # and its cold start stays free of numpy's import time.
    from numeriqc.consultations import opinion_groups

    statements = matrix.statements
    model = opinion_groups.analyse(matrix.votes()) if matrix.participants else None
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
        "participants": len(matrix.participants),
        "statements": len(statements),
        "groups": groups,
        "consensus": consensus,
        "computed_at": now.isoformat(),
    }


class Analyses:
    def __init__(self, source: VoteMatrixSource, files: MatrixFiles, clock: Clock = installed_clock) -> None:
        self._source = source
        self._files = files
        self._clock = clock

    def recompute(self, consultation_id: str) -> dict[str, Any] | None:
        """The new snapshot, stored; None when there is no vote to analyse (nothing is written)."""
        covered, generation = self._source.vote_state(consultation_id)
        if covered == 0:
            return None
        matrix = self.compact(consultation_id, generation)
        if matrix is None:
            return None  # another run recorded a newer matrix meanwhile: its snapshot stands
        result = snapshot(matrix, covered, self._clock())
        self._source.save_analysis(consultation_id, result, covered)
        return result

    def compact(self, consultation_id: str, generation: str | None) -> "VoteMatrix | None":
        """The matrix file merged with the votes changed since, written as a new generation, recorded,
        then those changes forgotten. Each step can fail and be retried without losing or doubling
        a vote: a file not yet recorded is never read (the changes stay until one is), a recorded
        one already holds the changes (merging them again changes nothing), and a pair is one
        entry whatever happens (the last vote wins). None when another run recorded first."""
        from numeriqc.consultations.vote_matrix import VoteMatrix

        data = self._files.read(consultation_id, generation) if generation else None
        if data is None:  # the first analysis, or the file expired (90 days without a vote): every vote
            base = VoteMatrix.empty().merged(self._source.votes(consultation_id))
        else:
            base = VoteMatrix.from_bytes(data)
        changes = self._source.vote_changes(consultation_id)  # read after the base: newer wins
        matrix = base.merged(changes)
        fresh = new_ulid(self._clock)
        self._files.write(consultation_id, fresh, matrix.to_bytes())
        if not self._source.record_matrix(consultation_id, fresh, generation):
            self._files.delete(consultation_id, fresh)
            return None
        self._source.forget_vote_changes(consultation_id, changes)
        if generation:
            self._files.delete(consultation_id, generation)
        return matrix

    def latest(self, consultation_id: str) -> Analysis:
        found = self._source.analysis(consultation_id)
        if found is None:
            raise NotFound(_NONE_YET)
        return Analysis.model_validate({"consultation_id": consultation_id, **found})
