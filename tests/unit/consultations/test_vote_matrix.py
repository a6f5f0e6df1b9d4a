"""The compacted vote matrix and the analysis input: a changed vote counts once (the last wins), a
compaction retried or interrupted at any step neither loses nor doubles a vote, and what the
analysis reads equals a recount of the votes."""

import random
from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.consultations.analysis import Analyses
from numeriqc.consultations.vote_matrix import VALUES, VoteMatrix


def _as_dict(matrix: VoteMatrix) -> dict[tuple[str, str], int]:
    votes = matrix.votes()
    return {
        (matrix.participants[int(r)], matrix.statements[int(c)]): int(v)
        for r, c, v in zip(votes.participants, votes.statements, votes.values, strict=True)
    }


def test_the_last_vote_of_a_pair_wins_in_a_batch_and_against_the_matrix() -> None:
    first = VoteMatrix.empty().merged([("p1", "s1", "agree"), ("p1", "s1", "disagree"), ("p2", "s1", "pass")])
    assert _as_dict(first) == {("p1", "s1"): -1, ("p2", "s1"): 0}
    second = first.merged([("p2", "s1", "agree"), ("p3", "s2", "agree"), ("p2", "s1", "disagree")])
    assert _as_dict(second) == {("p1", "s1"): -1, ("p2", "s1"): -1, ("p3", "s2"): 1}
    assert len(second) == 3  # a changed vote is one entry
    assert _as_dict(second.merged([("p2", "s1", "disagree")])) == _as_dict(second)  # merged again: same


@pytest.mark.parametrize("seed", [1, 7, 42])
def test_merging_equals_a_recount_whatever_the_batches(seed: int) -> None:
    rng = random.Random(seed)
    history = [
        (f"p{rng.randrange(40)}", f"s{rng.randrange(12)}", rng.choice(list(VALUES))) for _ in range(2000)
    ]
    recount: dict[tuple[str, str], int] = {}
    for person, statement, vote in history:
        recount[(person, statement)] = VALUES[vote]
    matrix = VoteMatrix.empty()
    start = 0
    while start < len(history):
        size = rng.randrange(1, 300)
        matrix = matrix.merged(history[start : start + size])
        start += size
    assert _as_dict(matrix) == recount
    assert _as_dict(VoteMatrix.from_bytes(matrix.to_bytes())) == recount
    assert list(matrix.codes) == sorted(matrix.codes)


class Store:
    """The table as the analysis sees it: current votes, the changed ones, the matrix generation."""

    def __init__(self) -> None:
        self.current: dict[tuple[str, str], str] = {}
        self.changes: dict[tuple[str, str], str] = {}
        self.generation: str | None = None
        self.n = 0
        self.saved: list[dict[str, Any]] = []
        self.full_reads = 0
        self.fail_on: str | None = None
        self.during_read: list[tuple[str, str, str]] = []

    def vote(self, person: str, statement: str, vote: str) -> None:
        self.current[(person, statement)] = vote
        self.changes[(person, statement)] = vote
        self.n += 1

    def votes(self, consultation_id: str) -> list[tuple[str, str, str]]:
        self.full_reads += 1
        return [(p, s, v) for (p, s), v in self.current.items()]

    def vote_state(self, consultation_id: str) -> tuple[int, str | None]:
        return self.n, self.generation

    def vote_changes(self, consultation_id: str) -> list[tuple[str, str, str]]:
        found = [(p, s, v) for (p, s), v in self.changes.items()]
        for person, statement, vote in self.during_read:  # votes arriving while the analysis runs
            self.vote(person, statement, vote)
        self.during_read = []
        return found

    def record_matrix(self, consultation_id: str, generation: str, previous: str | None) -> bool:
        if self.fail_on == "record":
            raise ConnectionError("the table did not answer")
        if self.generation != previous:
            return False
        self.generation = generation
        return True

    def forget_vote_changes(self, consultation_id: str, changes: list[tuple[str, str, str]]) -> int:
        if self.fail_on == "forget":
            raise ConnectionError("the table did not answer")
        gone = 0
        for person, statement, vote in changes:
            if self.changes.get((person, statement)) == vote:
                del self.changes[(person, statement)]
                gone += 1
        return gone

    def save_analysis(self, consultation_id: str, snapshot: dict[str, Any], votes_covered: int) -> None:
        self.saved.append(snapshot)

    def analysis(self, consultation_id: str) -> dict[str, Any] | None:
        return self.saved[-1] if self.saved else None


class Files:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}
        self.reads = 0

    def read(self, consultation_id: str, generation: str) -> bytes | None:
        self.reads += 1
        return self.objects.get(generation)

    def write(self, consultation_id: str, generation: str, data: bytes) -> None:
        self.objects[generation] = data

    def delete(self, consultation_id: str, generation: str) -> None:
        self.objects.pop(generation, None)


def _clock() -> datetime:
    return datetime(2026, 11, 30, 12, tzinfo=UTC)


def _matrix(store: Store, files: Files) -> dict[tuple[str, str], int]:
    assert store.generation is not None
    return _as_dict(VoteMatrix.from_bytes(files.objects[store.generation]))


def _expected(store: Store) -> dict[tuple[str, str], int]:
    return {pair: VALUES[vote] for pair, vote in store.current.items()}


def test_the_matrix_is_built_once_then_only_changes_are_read() -> None:
    store, files = Store(), Files()
    analyses = Analyses(store, files, _clock)
    assert analyses.recompute("c1") is None  # no vote: nothing written
    for person in range(6):
        for statement in range(8):
            store.vote(f"p{person}", f"s{statement}", "agree" if (person + statement) % 2 else "disagree")
    done = analyses.recompute("c1")
    assert done is not None and done["participants"] == 6 and done["statements"] == 8
    assert store.full_reads == 1 and store.changes == {}
    store.vote("p0", "s0", "pass")  # a changed vote
    store.vote("p9", "s0", "agree")  # a new participant
    analyses.recompute("c1")
    assert store.full_reads == 1  # the file, not every vote
    assert _matrix(store, files) == _expected(store)
    assert len(files.objects) == 1  # the previous generation is deleted


def test_a_vote_arriving_during_the_analysis_is_kept_for_the_next_one() -> None:
    store, files = Store(), Files()
    analyses = Analyses(store, files, _clock)
    store.vote("p1", "s1", "agree")
    analyses.recompute("c1")
    store.vote("p1", "s1", "disagree")
    store.during_read = [("p1", "s1", "pass"), ("p2", "s1", "agree")]  # after the changes were read
    analyses.recompute("c1")
    assert _matrix(store, files) == {("p1", "s1"): -1}  # what was read
    assert store.changes == {("p1", "s1"): "pass", ("p2", "s1"): "agree"}  # not forgotten: changed since
    analyses.recompute("c1")
    assert _matrix(store, files) == _expected(store) == {("p1", "s1"): 0, ("p2", "s1"): 1}


@pytest.mark.parametrize("fault", ["record", "forget"])
def test_a_fault_between_writing_the_file_and_recording_or_forgetting_loses_and_doubles_nothing(
    fault: str,
) -> None:
    store, files = Store(), Files()
    analyses = Analyses(store, files, _clock)
    store.vote("p1", "s1", "agree")
    analyses.recompute("c1")
    store.vote("p1", "s1", "disagree")
    store.vote("p2", "s1", "agree")
    store.fail_on = fault
    with pytest.raises(ConnectionError):
        analyses.recompute("c1")  # the queue will deliver the message again
    store.fail_on = None
    analyses.recompute("c1")  # the retry
    assert _matrix(store, files) == _expected(store) == {("p1", "s1"): -1, ("p2", "s1"): 1}
    assert store.changes == {}
    analyses.recompute("c1")  # and once more: the same matrix
    assert _matrix(store, files) == _expected(store)


def test_a_run_that_lost_the_race_leaves_the_recorded_matrix_and_the_changes_alone() -> None:
    store, files = Store(), Files()
    analyses = Analyses(store, files, _clock)
    store.vote("p1", "s1", "agree")
    analyses.recompute("c1")
    store.vote("p2", "s1", "agree")
    recorded = store.generation
    store.generation = "another-run"  # another run recorded its matrix after this one read the state
    files.objects["another-run"] = files.objects[str(recorded)]
    assert analyses.compact("c1", recorded) is None
    assert store.changes == {("p2", "s1"): "agree"}  # kept for the next run
    assert set(files.objects) == {str(recorded), "another-run"}  # this run's file is deleted


def test_an_expired_file_is_built_again_from_every_vote() -> None:
    store, files = Store(), Files()
    analyses = Analyses(store, files, _clock)
    store.vote("p1", "s1", "agree")
    analyses.recompute("c1")
    files.objects.clear()  # the bucket's expiry of analysis/ files
    store.vote("p2", "s1", "disagree")
    analyses.recompute("c1")
    assert store.full_reads == 2
    assert _matrix(store, files) == _expected(store)
