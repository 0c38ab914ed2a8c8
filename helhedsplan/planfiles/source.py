"""Reading a plan file: YAML in, a validated `PlanFile` out, or errors a person can act on.

Each error names the file, the path inside the document (`departments[3].tenancies`), the line
and what was expected. Nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import PlanFile

# libyaml's loader when PyYAML was built with it: same results, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        at = f" at {self.path}" if self.path else ""
        return f"{where}{at}: {self.message}"


class PlanFileError(Exception):
    """A plan file that cannot be imported; `problems` lists every error found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_plan_file(path: str | Path) -> PlanFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFileError([Problem(str(path), "", None, f"cannot be read: {error}")]) from error
    return parse_plan_file(text, str(path))


def parse_plan_file(text: str, filename: str = "<plan file>") -> PlanFile:
    try:
        root_node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise PlanFileError(
            [Problem(filename, "", line, f"is not valid YAML: {problem}")]
        ) from error
    if not isinstance(data, dict):
        raise PlanFileError(
            [Problem(filename, "", 1, "expected a mapping with 'format', 'version' and 'plan'")]
        )
    try:
        return PlanFile.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            location = tuple(part for part in item["loc"] if not _is_internal(part))
            problems.append(
                Problem(
                    filename,
                    format_path(location),
                    _line_of(root_node, location),
                    _message(item),
                )
            )
        raise PlanFileError(problems) from error


def format_path(location: tuple) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _is_internal(part) -> bool:
    # pydantic adds the tag of a union/enum branch to some locations; they are not in the file
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _message(item: dict) -> str:
    message = item["msg"].removeprefix("Value error, ")
    if item["type"] == "missing":
        return "this field is required"
    if item["type"] == "extra_forbidden":
        return "unknown field (check the spelling against docs/plan-file-format.md)"
    if "input" in item and item["type"] not in ("value_error", "assertion_error"):
        shown = repr(item["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{message}, got {shown}"
    return message


def _line_of(node, location: tuple) -> int | None:
    """The 1-based line of the deepest node on `location` that exists in the YAML."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line
