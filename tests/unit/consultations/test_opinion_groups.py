"""The opinion-group analysis recovers planted groups (adjusted Rand index >= 0.9) over seeds,
sizes, numbers of groups and noise levels; and its parts behave as their definitions say."""

import numpy as np
import pytest

from numeriqc.consultations import opinion_groups as og

CASES = [
    # participants, statements, groups, votes each, noise, seed
    (400, 40, 2, 15, 0.05, 1),
    (600, 60, 3, 20, 0.10, 2),
    (800, 80, 4, 25, 0.10, 3),
    (1000, 100, 5, 30, 0.10, 4),
    (1500, 150, 3, 30, 0.20, 5),
    (1000, 200, 2, 30, 0.25, 6),
]


@pytest.mark.parametrize(("participants", "statements", "groups", "votes", "noise", "seed"), CASES)
def test_planted_groups_are_recovered(
    participants: int, statements: int, groups: int, votes: int, noise: float, seed: int
) -> None:
    matrix, truth = og.planted(
        participants=participants,
        statements=statements,
        groups=groups,
        votes_each=votes,
        noise=noise,
        seed=seed,
    )
    model = og.analyse(matrix, seed=seed)
    assert model is not None
    assert model.k == groups
    assert og.adjusted_rand_index(truth[model.kept], model.labels) >= 0.9
    assert model.projection.shape == (len(model.kept), 2)


def test_pure_noise_has_no_structure_to_find() -> None:
    rng = np.random.default_rng(9)
    n, m, per = 600, 60, 20
    rows = np.repeat(np.arange(n), per)
    cols = np.argsort(rng.random((n, m)), axis=1)[:, :per].ravel()
    values = rng.choice([-1.0, 0.0, 1.0], size=n * per)
    model = og.analyse(og.Votes(rows, cols, values, (n, m)), seed=1)
    assert model is not None
    assert model.silhouette < 0.5  # groups of noise are not well separated


def test_participants_with_fewer_than_seven_votes_are_left_out_and_too_few_means_no_model() -> None:
    triples = [(f"p{p}", f"s{s}", "agree") for p in range(3) for s in range(10)]
    triples += [("late", "s1", "disagree")]
    votes, people, _ = og.from_triples(triples)
    assert og.analyse(votes) is None  # three participants with enough votes: no two groups of two
    matrix, _ = og.planted(participants=50, statements=20, groups=2, votes_each=10, noise=0.0, seed=1)
    sparse = og.Votes(
        np.concatenate([matrix.participants, [50]]),
        np.concatenate([matrix.statements, [0]]),
        np.concatenate([matrix.values, [1.0]]),
        (51, 20),
    )
    model = og.analyse(sparse)
    assert model is not None and 50 not in model.kept and len(model.kept) == 50
    assert people[-1] == "late"


def test_representative_statements_are_those_a_group_agrees_on_more_than_the_others() -> None:
    matrix, _ = og.planted(participants=400, statements=30, groups=2, votes_each=20, noise=0.0, seed=4)
    model = og.analyse(matrix, seed=0)
    assert model is not None
    for group in range(model.k):
        members = model.kept[model.labels == group]
        for entry in model.representative[group]:
            mine = (np.isin(matrix.participants, members)) & (matrix.statements == entry["statement"])
            sign = 1.0 if entry["direction"] == "agree" else -1.0
            assert (matrix.values[mine] == sign).mean() > 0.9
    assert len(model.consensus) == 5


def test_adjusted_rand_index_is_one_for_the_same_partition_and_near_zero_for_random() -> None:
    labels = np.array([0, 0, 1, 1, 2, 2])
    assert og.adjusted_rand_index(labels, np.array([5, 5, 3, 3, 1, 1])) == 1.0
    rng = np.random.default_rng(0)
    assert abs(og.adjusted_rand_index(rng.integers(3, size=3000), rng.integers(3, size=3000))) < 0.02


def test_silhouette_matches_its_definition_on_a_small_case() -> None:
    points = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    labels = np.array([0, 0, 1, 1])
    # a = 1 for everyone; b = mean of 10 and sqrt(101); s = (b - a) / b
    b = (10 + np.sqrt(101)) / 2
    assert og.silhouette(og.pairwise(points), labels) == pytest.approx((b - 1) / b)
