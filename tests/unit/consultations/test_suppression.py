"""Small-cell suppression: nothing under 5 shown, and no hidden cell recomputable from its row or
column total, whatever the table (checked on random tables too)."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from numeriqc.consultations import suppression


def _recomputable(counts: list[list[int]], hidden: list[list[bool]]) -> bool:
    """Whether some hidden cell is the only hidden one of its row or of its column (totals published)."""
    rows = any(sum(line) == 1 for line in hidden)
    columns = any(sum(line) == 1 for line in zip(*hidden, strict=True))
    return rows or columns


def test_a_single_small_cell_takes_the_smallest_neighbours_with_it() -> None:
    counts = [[3, 20, 30], [12, 15, 40], [25, 8, 50]]
    hidden = suppression.table(counts)
    assert hidden[0][0]  # primary
    # Row 0 and column 0 each had one hidden cell: their smallest shown cells go too, and so on
    # until no row or column holds exactly one.
    assert hidden[1][0] and hidden[0][1]
    assert not _recomputable(counts, hidden)
    assert not hidden[2][2]  # large cells far from it stay shown


def test_nothing_hidden_when_every_cell_is_at_least_the_minimum() -> None:
    counts = [[5, 6], [7, 8]]
    assert suppression.table(counts) == [[False, False], [False, False]]


def test_a_vector_with_a_published_total_never_shows_one_hidden_entry_alone() -> None:
    assert suppression.vector([2, 40, 9, 30]) == [True, False, True, False]
    assert suppression.vector([1, 2, 50]) == [True, True, False]
    assert suppression.vector([]) == []


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 30), min_size=width, max_size=width), min_size=1, max_size=8
        )
    )
)
def test_every_small_cell_is_hidden_and_none_is_alone_in_a_line_with_shown_cells(
    counts: list[list[int]],
) -> None:
    hidden = suppression.table(counts)
    for row, mask in zip(counts, hidden, strict=True):
        for count, hide in zip(row, mask, strict=True):
            if count < 5:
                assert hide
    for line_hidden in [*hidden, *zip(*hidden, strict=True)]:
        if sum(line_hidden) == 1:
            assert all(line_hidden) or len(line_hidden) == 1, (counts, hidden)


def test_random_tables_are_deterministic() -> None:
    rng = random.Random(3)
    counts = [[rng.randint(0, 12) for _ in range(5)] for _ in range(6)]
    assert suppression.table(counts) == suppression.table([list(row) for row in counts])
