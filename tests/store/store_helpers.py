"""Helpers for store tests: seed paths, article files and store snapshots."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def article_text(title: str, body: str, *, date: str = "2021-03-04", outlet: str = "") -> str:
    """A small article file with YAML front matter."""
    lines = ["---", f'title: "{title}"', f"date: {date}"]
    if outlet:
        lines.append(f"url: https://www.{outlet}/news/{abs(hash(title)) % 10**6}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every entry under root: content hash (or kind) and mode, to prove nothing changed."""
    found: dict[str, tuple[str, int]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            if path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[str(path.relative_to(root))] = (f"{digest}:{st.st_mtime_ns}", st.st_mode)
            else:
                found[str(path.relative_to(root))] = ("dir", st.st_mode)
    return found


def temp_files(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if ".tmp-" in p.name]
