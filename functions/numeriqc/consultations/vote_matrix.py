"""A consultation's compacted vote matrix: every (participant, statement) vote once, as numpy arrays,
and its file format. Pure logic (numpy only), imported by the analysis function alone.

Why a file: at 100,000 participants × 30 votes, reading 3 million vote items back from DynamoDB
every minute takes longer than the analysis itself (bench/consultations_input.py). The analysis
keeps this matrix in S3 and, each run, merges into it only the votes that changed since
(`VLOG#` items, one per changed pair): it reads one object and a page or two of items instead of
every vote.

A pair's entry is its current vote: `merged` replaces it, so a changed vote counts once and merging
the same changes twice gives the same matrix (retries are harmless). Participants are the voters'
keyed hashes, as in the table; the file holds nothing the table does not.
"""

import io
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from numeriqc.consultations.opinion_groups import Votes

VALUES = {"agree": 1, "disagree": -1, "pass": 0}
_SHIFT = 32  # a pair's code: participant index << 32 | statement index, sortable as one int64


@dataclass(frozen=True)
class VoteMatrix:
    participants: list[str]
    statements: list[str]
    codes: npt.NDArray[np.int64]  # sorted, one per (participant, statement) pair
    values: npt.NDArray[np.int8]  # +1 agree, -1 disagree, 0 pass

    @classmethod
    def empty(cls) -> "VoteMatrix":
        return cls([], [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int8))

    def __len__(self) -> int:
        return len(self.codes)

    def merged(self, changes: Iterable[tuple[str, str, str]]) -> "VoteMatrix":
        """This matrix with `changes` (participant, statement, vote) applied in order: the last one
        for a pair wins, in the batch and against what the matrix held."""
        people = {key: index for index, key in enumerate(self.participants)}
        statements = {key: index for index, key in enumerate(self.statements)}
        new_people, new_statements = list(self.participants), list(self.statements)
        codes, values = [], []
        for participant, statement, vote in changes:
            row = people.setdefault(participant, len(people))
            if row == len(new_people):
                new_people.append(participant)
            col = statements.setdefault(statement, len(statements))
            if col == len(new_statements):
                new_statements.append(statement)
            codes.append((row << _SHIFT) | col)
            values.append(VALUES[vote])
        if not codes:
            return self
        batch = np.asarray(codes, dtype=np.int64)
        batch_values = np.asarray(values, dtype=np.int8)
        # The last change of each pair in the batch: unique over the reversed batch keeps the first.
        reversed_codes = batch[::-1]
        unique, first = np.unique(reversed_codes, return_index=True)
        unique_values = batch_values[::-1][first]
        # Pairs already in the matrix change in place; the others are added, and the whole re-sorted.
        found = np.searchsorted(self.codes, unique)
        inside = found < len(self.codes)
        inside[inside] = self.codes[found[inside]] == unique[inside]
        kept_values = self.values.copy()
        kept_values[found[inside]] = unique_values[inside]
        all_codes = np.concatenate([self.codes, unique[~inside]])
        all_values = np.concatenate([kept_values, unique_values[~inside]])
        order = np.argsort(all_codes, kind="stable")
        return VoteMatrix(new_people, new_statements, all_codes[order], all_values[order])

    def votes(self) -> Votes:
        """The matrix as opinion_groups reads it."""
        return Votes(
            (self.codes >> _SHIFT).astype(np.int64),
            (self.codes & ((1 << _SHIFT) - 1)).astype(np.int64),
            self.values.astype(np.float64),
            (len(self.participants), len(self.statements)),
        )

    def to_bytes(self) -> bytes:
        """An uncompressed .npz (compressing 30 MB costs more time than S3 takes to move it)."""
        buffer = io.BytesIO()
        np.savez(
            buffer,
            participants=np.asarray(self.participants, dtype=np.bytes_),
            statements=np.asarray(self.statements, dtype=np.bytes_),
            codes=self.codes,
            values=self.values,
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "VoteMatrix":
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            return cls(
                [key.decode() for key in arrays["participants"].tolist()],
                [key.decode() for key in arrays["statements"].tolist()],
                arrays["codes"].astype(np.int64),
                arrays["values"].astype(np.int8),
            )
