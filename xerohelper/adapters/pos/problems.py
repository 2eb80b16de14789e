"""What is wrong with an import file, said so the shop owner can find it and fix it.

An `ImportProblem` names the file, the line, the column and the value, says what is wrong in plain words
and what to do about it. Readers collect problems in a `ProblemList` (which keeps the first few and
counts the rest) instead of stopping at the first one, so the owner can fix several things at once.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_SHOWN = 5  # problems shown in full; the rest are counted
_MAX_VALUE_CHARS = 60


def shown_value(value: str) -> str:
    """A cell's value as it can be printed: control characters made visible, long values shortened."""
    text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value)
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return text


@dataclass(frozen=True)
class ImportProblem:
    """One thing that stops a file being imported. str() is the whole sentence for the owner."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    problem: str
    what_to_do: str

    def where(self) -> str:
        parts = [shown_value(self.file)]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column:
            parts.append(f"column “{shown_value(self.column)}”")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where()}: {self.problem}"
        if self.value is not None:
            text += f" (found “{shown_value(self.value)}”)" if self.value.strip() else " (the cell is empty)"
        return f"{text}. {self.what_to_do}"


class ValueProblem(Exception):
    """A value that can't be read; the reader adds the file, line, column and value."""

    def __init__(self, problem: str, what_to_do: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.what_to_do = what_to_do


class FileProblem(Exception):
    """The whole file can't be read (not a CSV, unknown export, missing column…)."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(str(problem))
        self.import_problem = problem


class ProblemList:
    """Collects a file's problems: keeps the first MAX_SHOWN, counts the others."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.shown: list[ImportProblem] = []
        self.count = 0

    def __bool__(self) -> bool:
        return self.count > 0

    @property
    def more(self) -> int:
        return self.count - len(self.shown)

    def add(
        self,
        problem: str,
        what_to_do: str,
        *,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> None:
        self.count += 1
        if len(self.shown) < MAX_SHOWN:
            self.shown.append(ImportProblem(self.file_name, line, column, value, problem, what_to_do))

    def add_value_problem(self, error: ValueProblem, *, line: int, column: str, value: str) -> None:
        self.add(error.problem, error.what_to_do, line=line, column=column, value=value)

    def file_problem(
        self,
        problem: str,
        what_to_do: str,
        *,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> FileProblem:
        """A problem that stops the whole file, ready to raise."""
        return FileProblem(ImportProblem(self.file_name, line, column, value, problem, what_to_do))
