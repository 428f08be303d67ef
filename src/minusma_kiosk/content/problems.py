"""Problems found in a content folder, worded for a curator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: A line number, or a function that finds it (called only if a problem is reported,
#: since finding a line in a TOML file costs time on the start-up path).
LineRef = int | None | Callable[[], int | None]


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

    def add(self, file: str, line: LineRef, message: str) -> None:
        """Record a problem (``line`` may be a function returning the line)."""
        self.items.append(Problem(file, resolve_line(line), message))

    def __bool__(self) -> bool:
        return bool(self.items)


def resolve_line(line: LineRef) -> int | None:
    """The line number of a :data:`LineRef`."""
    return line() if callable(line) else line
