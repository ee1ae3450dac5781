"""The project's one toolchain holds: ruff lint, ruff format and strict mypy are clean."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SOURCES = ["store", "tui", "tests", "seeds"]


def _run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_ruff_lint_is_clean() -> None:
    """`ruff check` reports nothing."""
    result = _run(str(BIN / "ruff"), "check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    """Every file is as `ruff format` would write it."""
    result = _run(str(BIN / "ruff"), "format", "--check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_installed_package(tmp_path: Path) -> None:
    """Strict mypy passes on the package as installed (store/ and tui/ under forcewatch)."""
    target = tmp_path / "site"
    install = _run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-compile",
        "--target",
        str(target),
        str(ROOT),
        env={**os.environ, "FORCEWATCH_PURE_PYTHON": "1"},  # what mypy reads is the source
    )
    assert install.returncode == 0, install.stderr
    shutil.rmtree(target / "bin", ignore_errors=True)
    result = _run(
        str(BIN / "mypy"),
        "--config-file",
        str(ROOT / "pyproject.toml"),
        "--cache-dir",
        str(tmp_path / "cache"),
        "-p",
        "forcewatch",
        cwd=target,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_folder_is_installed() -> None:
    """pyproject lists every folder with an __init__.py, so `pip install .` ships it."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for init in sorted(ROOT.glob("*/**/__init__.py")):
        rel = init.parent.relative_to(ROOT)
        if rel.parts[0] not in {"store", "tui", "seeds"}:
            continue
        name = ".".join(["forcewatch", *rel.parts])
        assert f'"{name}"' in text, f"{name} is missing from [tool.setuptools] packages"
