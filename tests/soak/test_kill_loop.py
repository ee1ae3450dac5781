"""A short run of the kill-loop soak: killed writers leave a store that opens with one whole batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("kill_loop.py")
ROUNDS = 15


def test_killed_writers_leave_an_old_or_new_store(tmp_path: Path) -> None:
    """Fifteen rounds of SIGKILL at random moments: each store opens and holds a whole batch."""
    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--count",
            str(ROUNDS),
            "--seed",
            "20240",
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    summary = json.loads(proc.stdout)
    assert summary["failures"] == [], "\n".join(summary["failures"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sum(summary["outcomes"].values()) == ROUNDS
    assert summary["kills"] >= ROUNDS // 3, summary["outcomes"]
