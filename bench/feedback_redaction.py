"""Redaction precision and recall per kind, on the labelled corpus in tests/data/feedback/.

A finding counts as a true positive when it overlaps a labelled span of the same kind; a labelled
span no finding of its kind overlaps is a miss. Lines without labels measure that ordinary numbers
(dates, amounts, file numbers) are left alone: any finding there is a false positive.
"""

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from numeriqc.core.redaction import Kind, Span, find

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "feedback" / "redaction_corpus.jsonl"
STRUCTURED = (Kind.EMAIL, Kind.PHONE, Kind.SIN, Kind.RAMQ, Kind.POSTAL_CODE, Kind.CARD)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    misses: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.misses
        return self.true_positives / expected if expected else 1.0


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _overlaps(a: Span, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def evaluate(lines: list[dict[str, Any]]) -> dict[Kind, Score]:
    scores = {kind: Score() for kind in Kind}
    for line in lines:
        found = find(line["text"])
        expected = [(span["start"], span["end"], Kind(span["kind"])) for span in line["spans"]]
        for span in found:
            score = scores[span.kind]
            if any(kind == span.kind and _overlaps(span, start, end) for start, end, kind in expected):
                score.true_positives += 1
            else:
                score.false_positives += 1
                score.examples.append(f"FP {line['text'][span.start : span.end]!r} in line {line['id']}")
        for start, end, kind in expected:
            if not any(span.kind == kind and _overlaps(span, start, end) for span in found):
                scores[kind].misses += 1
                scores[kind].examples.append(f"miss {line['text'][start:end]!r} in line {line['id']}")
    return scores


def untouched_negatives(lines: list[dict[str, Any]]) -> tuple[int, int]:
    """(lines without personal information left exactly as written, lines without personal information)."""
    negatives = [line for line in lines if not line["spans"]]
    return sum(1 for line in negatives if not find(line["text"])), len(negatives)


def report() -> list[str]:
    lines = load()
    started = time.perf_counter()
    scores = evaluate(lines)
    seconds = time.perf_counter() - started
    clean, negatives = untouched_negatives(lines)
    out = [
        f"feedback redaction on {len(lines)} labelled comments ({CORPUS.name}), "
        f"{len(lines) / seconds:,.0f} comments/s:",
        f"  {'kind':<12} {'labelled':>8} {'found':>6} {'precision':>9} {'recall':>7}",
    ]
    for kind, score in scores.items():
        labelled = score.true_positives + score.misses
        found = score.true_positives + score.false_positives
        flag = "  (structured: aim recall >= 0.95)" if kind in STRUCTURED and score.recall < 0.95 else ""
        out.append(
            f"  {kind.value:<12} {labelled:>8} {found:>6} {score.precision:>9.3f} {score.recall:>7.3f}{flag}"
        )
    out.append(f"  comments with only ordinary numbers left untouched: {clean}/{negatives}")
    return out


if __name__ == "__main__":
    print("\n".join(report()))
    for kind, score in evaluate(load()).items():
        for example in score.examples[:8]:
            print(kind.value, example)
