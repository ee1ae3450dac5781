"""The installed package: built from this source, its parser compiled, and compiled the same."""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import forcewatch.store
import pytest
from forcewatch.store.parse import decode_bytes, parse_article

ROOT = Path(__file__).resolve().parents[1]
INSTALLED = Path(str(forcewatch.store.__file__)).resolve().parents[1]  # .../forcewatch
PARSER_MODULES = sorted(
    p.stem for p in (ROOT / "store" / "parse").glob("*.py") if p.name != "__init__.py"
)
SYNTHETIC = 150  # generated articles compared, besides every seed and hand-made article


def _source_files() -> list[Path]:
    """Every file of the package's three parts that an install copies, relative to ROOT."""
    found: list[Path] = []
    for part, patterns in (("store", ("*.py", "py.typed")), ("tui", ("*.py", "*.tcss"))):
        for pattern in patterns:
            found += [
                p.relative_to(ROOT)
                for p in (ROOT / part).rglob(pattern)
                if "buildhook" not in p.parts and "__pycache__" not in p.parts
            ]
    found += [p.relative_to(ROOT) for p in (ROOT / "seeds").iterdir() if p.suffix != ".pyc"]
    return sorted(f for f in found if (ROOT / f).is_file())


def test_installed_package_is_this_source() -> None:
    """The tests run against an install of exactly this checkout (else: run tests/setup.sh)."""
    if INSTALLED == ROOT:
        pytest.skip("the package is imported from the checkout itself")
    stale = [
        str(f)
        for f in _source_files()
        if not (INSTALLED / f).is_file() or (INSTALLED / f).read_bytes() != (ROOT / f).read_bytes()
    ]
    assert not stale, f"installed copy differs from the source, run `sh tests/setup.sh`: {stale}"


def _is_compiled(name: str) -> bool:
    module = importlib.import_module(f"forcewatch.store.parse.{name}")
    return str(module.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def test_parser_is_compiled() -> None:
    """Every parser module but the package's own is a compiled extension, as a wheel installs
    it (required where FORCEWATCH_REQUIRE_COMPILED=1; elsewhere a build may fall back)."""
    compiled = {name: _is_compiled(name) for name in PARSER_MODULES}
    if not any(compiled.values()) and os.environ.get("FORCEWATCH_REQUIRE_COMPILED") != "1":
        pytest.skip("the parser is installed as plain Python")
    assert all(compiled.values()), f"not compiled: {[n for n, c in compiled.items() if not c]}"


# Run in a child: parse the files named on stdin with the parser imported from the checkout's
# Python source (a folder that holds only forcewatch/store, read by source-only finders).
_PURE_CHILD = """
import importlib.machinery as m, json, sys
from pathlib import Path
stage = sys.argv[1]
source_only = m.FileFinder.path_hook((m.SourceFileLoader, m.SOURCE_SUFFIXES))
def hook(path):
    if not path.startswith(stage):
        raise ImportError(path)
    return source_only(path)
sys.path_hooks.insert(0, hook)
sys.path_importer_cache.clear()
sys.path.insert(0, stage)
from forcewatch.store.parse import decode_bytes, parse_article
import forcewatch.store.parse.quotes as quotes
assert quotes.__file__.endswith(".py"), quotes.__file__
out = {}
for line in sys.stdin:
    name = line.strip()
    text = decode_bytes(Path(name).read_bytes())[0]
    out[name] = parse_article(text, name).to_json()
print(json.dumps(out))
"""


def _corpus(tmp_path: Path) -> list[Path]:
    """The seeds, the hand-made corpora and a sample of generated articles, as files."""
    files = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("seeds/*.md"))
    files += sorted(p for p in (ROOT / "tests" / "data").rglob("*") if p.suffix in (".txt", ".md"))
    spec = importlib.util.spec_from_file_location(
        "forcewatch_build_corpus", ROOT / "tests" / "bench" / "corpus.py"
    )
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator
    spec.loader.exec_module(generator)
    for number in range(SYNTHETIC):
        article = generator.generate_article(number)
        path = tmp_path / "generated" / article.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(article.text.encode(article.encoding))
        files.append(path)
    return files


def _parsed(path: Path) -> object:
    """The installed parser's record for a file, as JSON reads it back."""
    record = parse_article(decode_bytes(path.read_bytes())[0], str(path)).to_json()
    return json.loads(json.dumps(record))


def test_compiled_parser_matches_python_source(tmp_path: Path) -> None:
    """The installed parser gives exactly the records its Python source gives, file by file."""
    stage = tmp_path / "stage"
    (stage / "forcewatch").mkdir(parents=True)
    (stage / "forcewatch" / "store").symlink_to(ROOT / "store", target_is_directory=True)
    files = _corpus(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", _PURE_CHILD, str(stage)],
        input="\n".join(map(str, files)),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    pure = json.loads(child.stdout)
    assert len(pure) == len(files) > SYNTHETIC
    differ = [str(f) for f in files if _parsed(f) != pure[str(f)]]
    assert not differ, f"compiled and Python parsers differ on {len(differ)} files: {differ[:5]}"
