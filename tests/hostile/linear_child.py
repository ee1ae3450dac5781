"""Child process for the linear-time tests: parse generated texts and print CPU times as JSON.

Usage:
  linear_child.py calibrate CASE START MIN_SECONDS RUNS MAX_COUNT
      double the count from START until the median parse takes MIN_SECONDS of CPU
      (or MAX_COUNT is reached, when each run then parses the text REPEAT times, enough
      to take MIN_SECONDS); print {"n": count, "times": [...], "chars": size, "repeat": REPEAT}.
      A run that takes over LONG_RUN seconds is not repeated.
  linear_child.py measure CASE COUNT RUNS BUDGET_SECONDS REPEAT [bytes]
      parse the text at COUNT, RUNS times (each run parsing it REPEAT times), under a CPU
      limit of BUDGET_SECONDS for all runs together (the kernel stops the process beyond
      it); print {"times": [...]}. With `bytes`, each run decodes the text's Windows-1252
      bytes first.
"""

from __future__ import annotations

import gc
import json
import math
import resource
import statistics
import sys
import time

from forcewatch.store.parse import decode_bytes, parse_article
from hostile_texts import linear_text

LONG_RUN = 1.0  # seconds of CPU above which one run is steady enough


def _cpu() -> float:
    return time.process_time()


def _one(text: str, raw: bytes | None, repeat: int = 1) -> float:
    gc.collect()
    start = _cpu()
    for _ in range(repeat):
        parsed = decode_bytes(raw)[0] if raw is not None else text
        parse_article(parsed, "generated.txt")
    return _cpu() - start


def calibrate(case: str, start: int, min_seconds: float, runs: int, max_count: int) -> None:
    n = start
    while True:
        text = linear_text(case, n)
        times = [_one(text, None)]
        if times[0] < LONG_RUN:  # short runs are noisy: take the median of several
            times += [_one(text, None) for _ in range(runs - 1)]
        median = statistics.median(times)
        if median >= min_seconds or n * 2 > max_count:
            # A text that may not grow is parsed several times per run, so that a run is
            # long enough to measure steadily; the grown text is parsed as many times.
            repeat = (
                max(1, math.ceil(min_seconds / max(median, 1e-3))) if median < min_seconds else 1
            )
            if repeat > 1:
                times = [_one(text, None, repeat) for _ in range(runs)]
            out = {"n": n, "times": times, "chars": len(text), "repeat": repeat}
            print(json.dumps(out), flush=True)
            return
        n *= 2


def measure(case: str, n: int, runs: int, budget: float, repeat: int, as_bytes: bool) -> None:
    text = linear_text(case, n)
    raw = text.encode("cp1252", errors="replace") if as_bytes else None
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    limit = int(used + budget) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))
    times = [_one(text, raw, repeat) for _ in range(runs)]
    print(json.dumps({"times": times, "chars": len(text)}), flush=True)


def main(argv: list[str]) -> int:
    parse_article(linear_text("long_article", 20), "warm-up.txt")  # compile patterns first
    mode, case = argv[0], argv[1]
    if mode == "calibrate":
        calibrate(case, int(argv[2]), float(argv[3]), int(argv[4]), int(argv[5]))
    else:
        measure(
            case, int(argv[2]), int(argv[3]), float(argv[4]), int(argv[5]), argv[6:] == ["bytes"]
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
