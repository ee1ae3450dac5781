"""Build backend: setuptools, with the article parser compiled to C by mypyc for wheels.

`pip install .` builds a wheel, so users get the compiled parser, which parses about a third
faster; editable installs and sdists stay plain Python. The parser's source is the same either
way: mypyc compiles the type-checked modules as they are. Where no C compiler works, the wheel
falls back to the plain Python parser with a warning; FORCEWATCH_PURE_PYTHON=1 asks for that.
This folder is not part of the installed package.
"""
# mypy: disallow-subclassing-any=False
# (setuptools may come without type information: its classes are then of type Any.)

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from setuptools import build_meta, setup
from setuptools.command.build_ext import build_ext

PURE_PYTHON = "FORCEWATCH_PURE_PYTHON"
_PARSER = Path("store", "parse")
# mypyc names modules by their folders, so the sources are staged under the names they are
# installed as (forcewatch.store.parse.*), not the repository's store/parse.
_STAGE = Path("build", "mypyc-src")


def _stage_sources() -> list[str]:
    """Copy the store package's modules under their installed names; the parser's paths."""
    if _STAGE.exists():
        shutil.rmtree(_STAGE)
    store = _STAGE / "forcewatch" / "store"
    shutil.copytree(
        "store", store, ignore=shutil.ignore_patterns("__pycache__", "buildhook", "*.so")
    )
    # Installed, forcewatch is a namespace package; here a marker makes mypy read its name.
    (store.parent / "__init__.py").touch()
    return sorted(
        str(store / "parse" / path.name)
        for path in _PARSER.glob("*.py")
        if path.name != "__init__.py"  # the package itself stays Python: it only re-exports
    )


def _parser_extensions() -> list[Any]:
    """The compiled parser's extension modules, or none when mypyc is not available."""
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        print(f"forcewatch: parser left as Python (mypyc not available: {error})")
        return []
    return list(mypycify(_stage_sources(), opt_level="3", target_dir=str(Path("build", "mypyc"))))


class _BuildExtOrPython(build_ext):
    """Compile the parser; if the compiler fails, remove what was built and keep Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # a compiler missing or failing, in any of its forms
            for ext in self.extensions:
                built = Path(self.get_ext_fullpath(ext.name))
                if built.exists():
                    built.unlink()
            print(f"forcewatch: parser left as Python (compiling it failed: {error})")


class _Backend(build_meta._BuildMetaBackend):
    """setuptools' own backend, compiling the parser while it builds a wheel."""

    compiling = False

    def run_setup(self, setup_script: str = "setup.py") -> None:
        if not self.compiling or os.environ.get(PURE_PYTHON, "") not in ("", "0"):
            setup()
            return
        extensions = _parser_extensions()
        if extensions:
            setup(ext_modules=extensions, cmdclass={"build_ext": _BuildExtOrPython})
        else:
            setup()

    def build_wheel(
        self,
        wheel_directory: str,
        config_settings: dict[str, Any] | None = None,
        metadata_directory: str | None = None,
    ) -> str:
        self.compiling = True
        try:
            return str(super().build_wheel(wheel_directory, config_settings, metadata_directory))
        finally:
            self.compiling = False


_BACKEND = _Backend()
get_requires_for_build_wheel = _BACKEND.get_requires_for_build_wheel
get_requires_for_build_sdist = _BACKEND.get_requires_for_build_sdist
get_requires_for_build_editable = _BACKEND.get_requires_for_build_editable
prepare_metadata_for_build_wheel = _BACKEND.prepare_metadata_for_build_wheel
prepare_metadata_for_build_editable = _BACKEND.prepare_metadata_for_build_editable
build_wheel = _BACKEND.build_wheel
build_sdist = _BACKEND.build_sdist
build_editable = _BACKEND.build_editable
