"""The one exception the store raises for problems a user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """A store problem with a one-line message that names the way out."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)
