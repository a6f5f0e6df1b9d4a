"""Opinion groups from statement votes, the way Polis computes them, past Polis's size. Pure numpy.

The method (docs/consultations.md has the references):

1. The vote matrix: participants x statements, agree +1, disagree -1, pass 0, missing unknown.
   Participants with fewer than 7 votes are left out of the model (Polis's threshold).
2. Missing votes are imputed with the statement's mean vote, as Polis does; after centring each
   statement on that mean, an imputed entry is exactly 0, so the centred matrix keeps the sparsity
   of the votes and is never materialised: products with it are `np.bincount` over the votes.
3. The first two principal components by randomized subspace iteration (Halko, Martinsson and
   Tropp 2011): a few passes over the 3 million votes instead of a dense 100,000 x 1,000 SVD.
4. Each participant's projection is scaled by sqrt(statements / votes cast), Polis's correction
   that keeps people who voted little from collapsing into the centre.
5. k-means (k-means++ seeding, Lloyd iterations) for k = 2..5 on the projections, k chosen by the
   silhouette (Rousseeuw 1987) on a fixed sample: the full silhouette is quadratic.
6. Per group, representative statements: Polis's repness, the ratio of the agreement
   (or disagreement) probability inside the group to outside it times the inside probability,
   with Laplace-smoothed estimates and kept when a two-proportion z-test passes 90 %. Consensus
   statements: the highest group-informed consensus, the product over groups of each group's
   smoothed agreement probability.

numpy only: scikit-learn and scipy would not fit a Lambda package with a fast cold start.
"""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

MIN_VOTES = 7
K_RANGE = (2, 5)
SILHOUETTE_SAMPLE = 2000
Z_90 = 1.2816
CLUSTER_DIMENSIONS = 4

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Votes:
    """Votes as coordinates: participant index, statement index, value in {-1, 0, +1}."""

    participants: Ints
    statements: Ints
    values: Floats
    shape: tuple[int, int]


@dataclass
class Model:
    kept: Ints  # indexes of the participants in the model
    projection: Floats  # their 2-D coordinates
    labels: Ints  # their group
    k: int
    silhouette: float
    representative: list[list[dict[str, Any]]] = field(default_factory=list)
    consensus: list[dict[str, Any]] = field(default_factory=list)


def from_triples(triples: list[tuple[str, str, str]]) -> tuple[Votes, list[str], list[str]]:
    """(participant, statement, agree|disagree|pass) -> Votes, with the participants' and statements' ids."""
    value = {"agree": 1.0, "disagree": -1.0, "pass": 0.0}
    people: dict[str, int] = {}
    statements: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for participant, statement, vote in triples:
        rows.append(people.setdefault(participant, len(people)))
        cols.append(statements.setdefault(statement, len(statements)))
        vals.append(value[vote])
    votes = Votes(
        np.asarray(rows, dtype=np.int64),
        np.asarray(cols, dtype=np.int64),
        np.asarray(vals, dtype=np.float64),
        (len(people), len(statements)),
    )
    return votes, list(people), list(statements)


def analyse(votes: Votes, seed: int = 0) -> Model | None:
    """The groups, or None when too few participants voted enough to form two groups."""
    rng = np.random.default_rng(seed)
    counts = np.bincount(votes.participants, minlength=votes.shape[0])
    threshold = min(MIN_VOTES, votes.shape[1])
    kept = np.flatnonzero(counts >= threshold)
    if len(kept) < 2 * K_RANGE[0]:
        return None
    index = np.full(votes.shape[0], -1, dtype=np.int64)
    index[kept] = np.arange(len(kept))
    mask = index[votes.participants] >= 0
    rows, cols, vals = index[votes.participants[mask]], votes.statements[mask], votes.values[mask]
    n, m = len(kept), votes.shape[1]
    means = np.bincount(cols, weights=vals, minlength=m) / np.maximum(np.bincount(cols, minlength=m), 1)
    centred = vals - means[cols]  # imputed (missing) entries are the mean: 0 once centred
    matrix = Sparse(rows, cols, centred, (n, m))
    components = _top_components(matrix, CLUSTER_DIMENSIONS, rng)
    space = matrix.times(components)
    space *= np.sqrt(m / counts[kept])[:, None]  # Polis's sparsity correction
    projection = space[:, :2]
    best: tuple[float, int, Ints] | None = None
    sample = rng.choice(n, size=min(n, SILHOUETTE_SAMPLE), replace=False)
    distances = pairwise(space[sample])
    for k in range(K_RANGE[0], min(K_RANGE[1], n - 1) + 1):
        labels = kmeans(space, k, rng)
        score = silhouette(distances, labels[sample])
        if best is None or score > best[0]:
            best = (score, k, labels)
    assert best is not None
    score, k, labels = best
    model = Model(kept, projection, labels, k, score)
    model.representative, model.consensus = _statements(rows, cols, vals, labels=labels, k=k, m=m)
    return model


class Sparse:
    """The centred vote matrix by its non-zero entries, sorted once by row and once by column, so
    a product with a dense block is one gather, one multiply and one `np.add.reduceat` (every
    column of the block at once), instead of a pass over the votes per column."""

    def __init__(self, rows: Ints, cols: Ints, vals: Floats, shape: tuple[int, int]) -> None:
        self.shape = shape
        by_row = np.argsort(rows, kind="stable")
        # float32 products: half the memory traffic, and far more precision than votes of -1, 0, 1 need.
        vals = vals.astype(np.float32)
        self._row_cols, self._row_vals = cols[by_row], vals[by_row]
        self._row_starts, self._row_ids = _segments(rows[by_row])
        by_col = np.argsort(cols, kind="stable")
        self._col_rows, self._col_vals = rows[by_col], vals[by_col]
        self._col_starts, self._col_ids = _segments(cols[by_col])

    def times(self, right: Floats) -> Floats:
        """X @ right (n x m times m x l)."""
        block = right.astype(np.float32)
        return _reduce(
            self._row_vals[:, None] * np.take(block, self._row_cols, axis=0),
            self._row_starts,
            self._row_ids,
            self.shape[0],
        )

    def transposed_times(self, left: Floats) -> Floats:
        """X.T @ left (m x n times n x l)."""
        block = left.astype(np.float32)
        return _reduce(
            self._col_vals[:, None] * np.take(block, self._col_rows, axis=0),
            self._col_starts,
            self._col_ids,
            self.shape[1],
        )


def _segments(sorted_ids: Ints) -> tuple[Ints, Ints]:
    """Where each run of equal ids starts in a sorted array, and those ids."""
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]]) if len(sorted_ids) else sorted_ids
    return starts, sorted_ids[starts]


def _reduce(products: Floats, starts: Ints, ids: Ints, size: int) -> Floats:
    result: Floats = np.zeros((size, products.shape[1]))
    if len(starts):
        result[ids] = np.add.reduceat(products, starts, axis=0)  # float32 sums of <= a few thousand votes
    return result


def _top_components(matrix: Sparse, rank: int, rng: np.random.Generator) -> Floats:
    """The top `rank` right singular vectors of the sparse matrix (randomized subspace iteration)."""
    width = min(matrix.shape[1], rank + 6)  # oversampling: a few more columns than wanted
    basis, _ = np.linalg.qr(matrix.times(rng.standard_normal((matrix.shape[1], width))))
    for _ in range(4):  # power iterations: the spectrum of opinion data decays slowly
        back, _ = np.linalg.qr(matrix.transposed_times(basis))
        basis, _ = np.linalg.qr(matrix.times(back))
    small = matrix.transposed_times(basis).T  # width x m
    _, _, right = np.linalg.svd(small, full_matrices=False)
    components: Floats = right[:rank].T
    return components


def kmeans(
    points: Floats,
    k: int,
    rng: np.random.Generator,
    *,
    iterations: int = 100,
    restarts: int = 3,
    fit_on: int = 20_000,
) -> Ints:
    """Lloyd's algorithm from k-means++ seeds, the best of a few restarts by inertia; fitted on a
    sample of at most `fit_on` points, then refined on all of them (the groups of 100,000
    participants are found as well from 20,000, in a fifth of the time)."""
    sample = points[rng.choice(len(points), size=fit_on, replace=False)] if len(points) > fit_on else points
    best: tuple[float, Floats] | None = None
    for _ in range(restarts):
        centres, _ = _lloyd(sample, _seeds(sample, k, rng), iterations)
        inertia = float(_nearest(sample, centres)[1].sum())
        if best is None or inertia < best[0]:
            best = (inertia, centres)
    assert best is not None
    _, labels = _lloyd(points, best[1], 10 if len(points) > fit_on else 0)
    return labels


def _nearest(points: Floats, centres: Floats) -> tuple[Ints, Floats]:
    """Each point's nearest centre and the squared distance to it (|x|^2 - 2 x.c + |c|^2)."""
    squares = (points**2).sum(axis=1)[:, None] - 2 * points @ centres.T + (centres**2).sum(axis=1)[None, :]
    labels = squares.argmin(axis=1)
    return labels, np.maximum(squares[np.arange(len(points)), labels], 0)


def _lloyd(points: Floats, centres: Floats, iterations: int) -> tuple[Floats, Ints]:
    labels, _ = _nearest(points, centres)
    for _ in range(iterations):
        counts = np.bincount(labels, minlength=len(centres))
        for dimension in range(points.shape[1]):
            sums = np.bincount(labels, weights=points[:, dimension], minlength=len(centres))
            centres[:, dimension] = np.where(counts > 0, sums / np.maximum(counts, 1), centres[:, dimension])
        new, _ = _nearest(points, centres)
        if np.array_equal(new, labels):
            break
        labels = new
    return centres, labels


def _seeds(points: Floats, k: int, rng: np.random.Generator) -> Floats:
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        distances = np.min([((points - centre) ** 2).sum(axis=1) for centre in centres], axis=0)
        total = distances.sum()
        choice = rng.choice(len(points), p=distances / total) if total > 0 else rng.integers(len(points))
        centres.append(points[choice])
    return np.array(centres, dtype=np.float64)


def pairwise(points: Floats) -> Floats:
    """Euclidean distances between all pairs of points (quadratic: callers pass a sample)."""
    squares = (points**2).sum(axis=1)
    distances: Floats = np.sqrt(np.maximum(squares[:, None] + squares[None, :] - 2 * points @ points.T, 0))
    return distances


def silhouette(distances: Floats, labels: Ints) -> float:
    """Mean silhouette width (Rousseeuw 1987) of a labelling, from the pairwise distances."""
    groups = np.unique(labels)
    if len(groups) < 2:
        return -1.0
    own = np.searchsorted(groups, labels)
    sizes = np.bincount(own, minlength=len(groups))
    mean_to = distances @ np.eye(len(groups))[own] / sizes  # mean distance to each group's points
    everyone = np.arange(len(labels))
    inside = mean_to[everyone, own] * sizes[own] / np.maximum(sizes[own] - 1, 1)
    mean_to[everyone, own] = np.inf
    nearest = mean_to.min(axis=1)
    widths = (nearest - inside) / np.maximum(np.maximum(nearest, inside), 1e-12)
    widths[sizes[own] == 1] = 0.0
    return float(widths.mean())


def _statements(
    rows: Ints, cols: Ints, vals: Floats, *, labels: Ints, k: int, m: int, top: int = 5
) -> tuple[list[list[dict[str, Any]]], list[dict[str, Any]]]:
    """Representative statements per group, and consensus statements across groups."""
    cell = labels[rows] * m + cols
    agree = np.bincount(cell, weights=vals > 0, minlength=k * m).reshape(k, m)
    disagree = np.bincount(cell, weights=vals < 0, minlength=k * m).reshape(k, m)
    seen = np.bincount(cell, minlength=k * m).reshape(k, m).astype(np.float64)
    representative = []
    for group in range(k):
        best: list[dict[str, Any]] = []
        for kind, counts in (("agree", agree), ("disagree", disagree)):
            inside, seen_in = counts[group], seen[group]
            outside, seen_out = counts.sum(axis=0) - inside, seen.sum(axis=0) - seen_in
            p_in, p_out = (inside + 1) / (seen_in + 2), (outside + 1) / (seen_out + 2)
            pooled = (inside + outside + 1) / (seen_in + seen_out + 2)
            spread = np.sqrt(pooled * (1 - pooled) * (1 / (seen_in + 1) + 1 / (seen_out + 1)))
            z = (p_in - p_out) / spread
            repness = p_in / p_out * p_in
            for statement in np.flatnonzero(z > Z_90):
                best.append(
                    {
                        "statement": int(statement),
                        "direction": kind,
                        "repness": round(float(repness[statement]), 4),
                        "probability": round(float(p_in[statement]), 4),
                    }
                )
        best.sort(key=lambda entry: -entry["repness"])
        representative.append(best[:top])
    consensus = np.prod((agree + 1) / (seen + 2), axis=0)
    order = np.argsort(-consensus)[:top]
    return representative, [
        {"statement": int(statement), "consensus": round(float(consensus[statement]), 4)}
        for statement in order
    ]


def adjusted_rand_index(truth: Ints, found: Ints) -> float:
    """Hubert and Arabie's adjusted Rand index between two labelings (1 = identical partitions)."""
    _, a = np.unique(truth, return_inverse=True)
    _, b = np.unique(found, return_inverse=True)
    table = np.zeros((a.max() + 1, b.max() + 1))
    np.add.at(table, (a, b), 1)

    def pairs(x: Floats) -> float:
        return float((x * (x - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = len(truth) * (len(truth) - 1) / 2
    expected = rows * cols / total
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def planted(
    *,
    participants: int,
    statements: int,
    groups: int,
    votes_each: int,
    noise: float,
    seed: int,
) -> tuple[Votes, Ints]:
    """A synthetic vote matrix with planted opinion groups, and each participant's true group.

    Each group holds an opinion (agree or disagree) on every statement; a participant votes on
    `votes_each` random statements, with their group's opinion except with probability `noise`,
    when the vote is drawn uniformly from agree, disagree and pass.
    """
    rng = np.random.default_rng(seed)
    opinions = rng.choice([-1.0, 1.0], size=(groups, statements))
    truth = rng.integers(groups, size=participants)
    rows = np.repeat(np.arange(participants), votes_each)
    # Distinct statements per participant: the first `votes_each` of a random key per pair.
    cols = (
        np.argsort(rng.random((participants, statements)), axis=1)[:, :votes_each].ravel()
        if (participants * statements <= 20_000_000)
        else _distinct_columns(rng, participants, statements, votes_each)
    )
    values = opinions[truth[rows], cols]
    noisy = rng.random(len(values)) < noise
    values[noisy] = rng.choice([-1.0, 0.0, 1.0], size=int(noisy.sum()))
    return Votes(rows.astype(np.int64), cols.astype(np.int64), values, (participants, statements)), truth


def _distinct_columns(rng: np.random.Generator, n: int, m: int, per: int) -> Ints:
    """`per` distinct statements for each of `n` participants without an n x m matrix."""
    cols = rng.integers(m, size=(n, per * 2))
    result = np.empty((n, per), dtype=np.int64)
    for row in range(n):
        unique = np.unique(cols[row])
        while len(unique) < per:
            unique = np.unique(np.concatenate([unique, rng.integers(m, size=per)]))
        result[row] = rng.permutation(unique)[:per]
    return result.ravel()
