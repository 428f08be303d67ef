"""Problems found in a content folder, worded for a curator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content.

    Parameters
    ----------
    file
        Path of the file relative to the content folder (``cards.toml``).
    line
        1-based line number, or ``None`` when the problem concerns the whole file.
    message
        Plain-language description that says what to change.
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class ContentInvalid(Exception):
    """Raised when a content folder cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class ProblemLog:
    """Collects problems while loading; shared by the readers and the loader."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int | None, message: str) -> None:
        """Record a problem."""
        self.items.append(Problem(file, line, message))

    def __bool__(self) -> bool:
        return bool(self.items)
