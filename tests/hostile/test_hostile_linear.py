"""Parse time grows linearly with input size on hostile texts (CPU-time ratios, not clocks).

Each case is measured in a child process: first the count is doubled until a parse takes
a measurable amount of CPU time, then four times that input is parsed. Four times the input
must take less than RATIO times the CPU time (medians of several runs). A quadratic parser
takes about sixteen times as long; the child runs under a CPU limit of RATIO times the base,
so a blow-up fails the test quickly instead of hanging it.
"""

from __future__ import annotations

import json
import signal
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_texts import LINEAR_CASES

CHILD = Path(__file__).with_name("linear_child.py")
RATIO = 6.0  # 4x the input must take less than 6x the CPU time
GROWTH = 4
RUNS = 5
MIN_BASE_SECONDS = 0.3


def _child(args: list[str], cpu_budget: float) -> tuple[dict[str, object] | None, str]:
    """Run the child; its JSON answer, or None and the reason it gave none."""
    wall = 120 + 20 * cpu_budget  # a backstop for a stalled machine; CPU is what is judged
    proc = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        timeout=wall,
        cwd=CHILD.parent,
    )
    if proc.returncode == -signal.SIGXCPU or proc.returncode == -signal.SIGKILL:
        return None, "stopped by its CPU limit"
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {proc.stderr.strip()[-2000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1]), ""


def _base(case: str, start: int, largest: int) -> tuple[int, float, int, int]:
    """The calibrated count, its median CPU seconds, its size in characters, and how many
    times a run parses it (more than once when the count may not grow far enough)."""
    answer, why = _child(
        ["calibrate", case, str(start), str(MIN_BASE_SECONDS), str(RUNS), str(largest)],
        cpu_budget=600,
    )
    assert answer is not None, f"{case}: the base measurement failed: {why}"
    times = answer["times"]
    assert isinstance(times, list)
    repeat = int(str(answer.get("repeat", 1)))
    return int(str(answer["n"])), statistics.median(times), int(str(answer["chars"])), repeat


def _grown(
    case: str, n: int, base: float, runs: int, *extra: str, repeat: int = 1
) -> tuple[float | None, str]:
    budget = runs * RATIO * base + 1.0
    args = ["measure", case, str(n), str(runs), f"{budget:.3f}", str(repeat), *extra]
    answer, why = _child(args, budget)
    if answer is None:
        return None, why
    times = answer["times"]
    assert isinstance(times, list)
    return statistics.median(times), ""


def _measure(case: str) -> tuple[float | None, str, int, float]:
    """The grown input's median CPU seconds (None and why, if stopped), the base's size in
    characters and its median CPU seconds."""
    _, start, largest = LINEAR_CASES[case]
    n, base, chars, repeat = _base(case, start, largest)
    grown, why = _grown(case, n * GROWTH, base, RUNS if base < 1.0 else 1, repeat=repeat)
    return grown, why, chars, base


@pytest.mark.parametrize("case", sorted(LINEAR_CASES), ids=sorted(LINEAR_CASES))
def test_parse_time_is_linear(case: str) -> None:
    """Four times the hostile input takes less than six times the CPU time to parse.

    A busy host can inflate one measurement; a parser that is not linear fails a second,
    fresh one too, so only a case failing twice fails the test.
    """
    grown, why, chars, base = _measure(case)
    if grown is None or grown / base >= RATIO:
        grown, why, chars, base = _measure(case)
    assert grown is not None, (
        f"{case}: {chars} chars took {base:.3f}s of CPU; {GROWTH}x that input {why} "
        f"(more than {RATIO:g}x on average): parse time is not linear"
    )
    ratio = grown / base
    assert ratio < RATIO, (
        f"{case}: {chars} chars took {base:.3f}s of CPU, {GROWTH}x that input took "
        f"{grown:.3f}s ({ratio:.1f}x): parse time is not linear"
    )


def test_tens_of_megabytes_decode_and_parse_linearly() -> None:
    """A 10 MB Windows-1252 article takes less than 24 times a 0.625 MB one (16x the size)."""
    paragraphs_per_mb = 5_000  # a made-unique seed paragraph is about 200 characters
    small = paragraphs_per_mb * 5 // 8
    growth = 16
    bound = RATIO / GROWTH * growth  # the same slack as for four times the input
    base, why = _grown("long_article", small, 600.0, 1, "bytes")
    assert base is not None, f"a 0.625 MB article could not be parsed: {why}"
    budget_base = bound / RATIO * base  # _grown allows RATIO times the base it is given
    grown, why = _grown("long_article", small * growth, budget_base, 1, "bytes")
    assert grown is not None, (
        f"0.625 MB took {base:.1f}s of CPU; 10 MB {why} (more than {bound:g}x): not linear"
    )
    assert grown / base < bound, (
        f"0.625 MB took {base:.1f}s of CPU, 10 MB took {grown:.1f}s ({grown / base:.1f}x)"
    )
