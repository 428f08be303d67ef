"""Problems found in a content folder, worded for a curator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
    #: The file whose entries this problem refers to (an unknown id defined there): when
    #: that file could not be read at all, this problem is only a consequence.
    cause: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class ContentInvalid(Exception):
    """Raised when a content folder cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class ProblemLog:
    """Collects problems while loading; shared by the readers and the loader.

    Attributes
    ----------
    broken
        Files that could not be read as a whole (unreadable, wrong encoding or
        separator, no header, no rows): what refers to them is a consequence.
    """

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.broken: set[str] = set()

    def add(self, file: str, line: LineRef, message: str, cause: str | None = None) -> None:
        """Record a problem (``line`` may be a function returning the line; ``cause``: the
        file where the unknown thing it refers to should be defined)."""
        self.items.append(Problem(file, resolve_line(line), message, cause))

    def add_broken(self, file: str, line: LineRef, message: str) -> None:
        """Record that ``file`` cannot be read as a whole."""
        self.broken.add(file)
        self.add(file, line, message)

    def ordered(self) -> tuple[Problem, ...]:
        """Root causes first (by file and line), then the problems that follow from a
        broken file."""
        roots = consequence_roots(self.items, self.broken)

        def key(p: Problem) -> tuple[bool, str, int]:
            return (p.cause in roots, p.file, p.line or 0)

        return tuple(sorted(self.items, key=key))

    def __bool__(self) -> bool:
        return bool(self.items)


def consequence_roots(problems: list[Problem] | tuple[Problem, ...],
                      broken: set[str] | frozenset[str]) -> dict[str, str]:
    """For each file whose entries are missing because of a broken file, that broken file.

    A broken file is its own root. A file whose every problem is a consequence (places
    whose sources are unknown because sources.csv is broken) is in turn a root for the
    problems that refer to it (camps at those places), and so on."""
    roots = {file: file for file in broken}
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.file, []).append(p)
    changed = True
    while changed:
        changed = False
        for file, found in by_file.items():
            if file in roots:
                continue
            # A file's references to itself (a formula naming a figure that was dropped)
            # follow from its other problems.
            causes = [roots.get(p.cause) if p.cause is not None else None
                      for p in found if p.cause != file]
            if causes and all(c is not None for c in causes):
                roots[file] = str(causes[0])
                changed = True
    return roots


def resolve_line(line: LineRef) -> int | None:
    """The line number of a :data:`LineRef`."""
    return line() if callable(line) else line


def report(problems: tuple[Problem, ...], broken: frozenset[str] | set[str]) -> list[str]:
    """The lines a curator reads: every root cause, then, per broken file, one line
    counting what follows from it ("… and 87 more problems caused by figures.csv")."""
    roots = consequence_roots(problems, broken)
    lines: list[str] = []
    follow: dict[str, int] = {}
    for p in problems:
        if p.cause is not None and p.cause in roots:
            root = roots[p.cause]
            follow[root] = follow.get(root, 0) + 1
        else:
            lines.append(str(p))
    for file, n in sorted(follow.items()):
        lines.append(f"… and {n} more problem{'s' if n != 1 else ''} caused by {file}: fix "
                     "it first, then check again")
    return lines
