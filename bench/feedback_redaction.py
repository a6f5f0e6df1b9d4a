"""Redaction precision and recall per kind, on the labelled corpus in tests/data/feedback/.

A finding counts as a true positive when it overlaps a labelled span of the same kind; a labelled
span no finding of its kind overlaps is a miss. Lines without labels measure that ordinary numbers
(dates, amounts, file numbers) are left alone: any finding there is a false positive.

Then what it costs: comments per second on the corpus, the slowest of the repetitive inputs that
make backtracking patterns explode (2,000 characters, the longest comment), and the cold start:
importing `core.redaction` (which every function importing `core.pii` pays) and the first
`redact()` (which compiles the patterns, paid once per container by functions that redact), each
in a fresh interpreter, as a ratio to `import boto3` in the same run.
"""

import json
import os
import statistics
import subprocess
import sys
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


# Repetitive comments that make a backtracking pattern explode if one can (the longest comment).
ADVERSARIAL = {
    "dotted words": "a." * 1000,
    "spelled dots": "a dot " * 334,
    "first names": "Jean " * 400,
    "hyphenated capitals": "Ab-" * 667,
    "spaced digits": "1 " * 1000,
    "digit words": "un " * 667,
    "labels": "Nom : " * 334,
    "format characters": "1\u200b" * 1000,
}
MAX_COMMENT = 2000
RUNS = 5
_PROBE = (
    "import time; t = time.perf_counter(); import numeriqc.core.redaction as r; i = time.perf_counter(); "
    "r.redact('Mme Roy, 418-555-0142, a@b.ca'); print(i - t, time.perf_counter() - i)"
)
_BASELINE = "import time; t = time.perf_counter(); import boto3; print(time.perf_counter() - t, 0)"


def _fresh(probe: str) -> tuple[float, float]:
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    output = subprocess.run(  # fixed interpreter and probe
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=environment
    ).stdout
    first, second = output.split()
    return float(first), float(second)


def cold_start(runs: int = RUNS) -> tuple[float, float, float]:
    """Medians of (import boto3, import core.redaction, first redact), interleaved runs."""
    _fresh(_PROBE)  # warm the bytecode cache once, as for bench/cold_start.py
    _fresh(_BASELINE)
    boto, imports, firsts = [], [], []
    for _ in range(runs):
        boto.append(_fresh(_BASELINE)[0])
        imported, first = _fresh(_PROBE)
        imports.append(imported)
        firsts.append(first)
    return statistics.median(boto), statistics.median(imports), statistics.median(firsts)


def worst_case() -> tuple[str, float]:
    """The slowest adversarial comment and its time, in seconds."""
    times = {}
    for name, text in ADVERSARIAL.items():
        started = time.perf_counter()
        find(text[:MAX_COMMENT])
        times[name] = time.perf_counter() - started
    slowest = max(times, key=lambda name: times[name])
    return slowest, times[slowest]


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
    slowest, seconds = worst_case()
    out.append(f"  slowest repetitive {MAX_COMMENT}-character comment: {slowest!r}, {seconds * 1000:.0f} ms")
    boto, imported, first = cold_start()
    out.append(
        f"  cold start, median of {RUNS}: import core.redaction {imported * 1000:.1f} ms "
        f"({imported / boto:.2f} x import boto3), first redact() {first * 1000:.1f} ms ({first / boto:.2f} x)"
    )
    return out


if __name__ == "__main__":
    print("\n".join(report()))
    for kind, score in evaluate(load()).items():
        for example in score.examples[:8]:
            print(kind.value, example)
