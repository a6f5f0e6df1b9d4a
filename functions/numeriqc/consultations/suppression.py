"""Small-cell suppression of breakdowns, primary and complementary. Pure logic.

Primary: no cell under `minimum` (5) is shown. Complementary: a hidden cell must not be
recomputable from what is shown. In a table whose rows (a region, an age band) and columns (an
option) have published totals, a row or column holding exactly ONE hidden cell gives it away by
subtraction; so while some row or column has exactly one hidden cell, the smallest shown cell
next to it is hidden too (the usual greedy heuristic of statistical agencies: it hides the least
information). It stops: each round hides one more cell, and there are finitely many.

The same holds for a dimension's participant counts, whose total is published: `vector` applies
the rule to one line.
"""

Grid = list[list[int]]
Mask = list[list[bool]]


def table(counts: Grid, minimum: int = 5) -> Mask:
    """Which cells to hide (True) in a rows x columns grid of counts."""
    hidden = [[count < minimum for count in row] for row in counts]
    columns = len(counts[0]) if counts else 0
    lines = [[(r, c) for c in range(columns)] for r in range(len(counts))]
    lines += [[(r, c) for r in range(len(counts))] for c in range(columns)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            shut = [cell for cell in line if hidden[cell[0]][cell[1]]]
            shown = [cell for cell in line if not hidden[cell[0]][cell[1]]]
            if len(shut) == 1 and shown:
                r, c = min(shown, key=lambda cell: (counts[cell[0]][cell[1]], cell))
                hidden[r][c] = True
                changed = True
    return hidden


def vector(counts: list[int], minimum: int = 5) -> list[bool]:
    """Which entries of one line with a published total to hide."""
    return table([counts], minimum)[0] if counts else []
