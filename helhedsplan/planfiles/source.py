"""Reading a plan file: YAML in, a validated `PlanFile` out, or errors a person can act on.

Each error names the file, the path inside the document (`departments[3].tenancies`), the line
and what was expected. Nothing here touches the database.

The text is checked before PyYAML builds anything from it: its size, how deeply it nests (deep
nesting crashes libyaml's composer), how much its aliases repeat (a "billion laughs" file
expands to billions of values) and duplicate keys (YAML would silently keep the last one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import PlanFile, date_problems

# libyaml's loader when PyYAML was built with it: same results, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The format nests nine levels deep (plan > sub_agreements > goals > indicators > baselines).
MAX_NESTING = 20
# Anchors and aliases let a file repeat a block (the demo files repeat texts and lists); the
# values they repeat, counted once per repetition, may not exceed this.
MAX_ALIAS_VALUES = 10_000
# Settings' defaults, for the validator run without Django settings.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PROBLEMS = 200


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
    """A plan file that cannot be imported; `problems` lists the errors found (at most
    `MAX_PROBLEMS_LISTED`, then one line counting the rest)."""

    def __init__(self, problems: list[Problem]):
        limit = _setting("MAX_PROBLEMS_LISTED", DEFAULT_MAX_PROBLEMS)
        if len(problems) > limit:
            rest = len(problems) - limit
            file = problems[0].file
            problems = [*problems[:limit], Problem(file, "", None, f"and {rest} more problems")]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _setting(name: str, default: int) -> int:
    from django.conf import settings

    return getattr(settings, name, default) if settings.configured else default


def read_plan_file(path: str | Path) -> PlanFile:
    path = Path(path)
    limit = _setting("MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)
    try:
        size = path.stat().st_size
        if size > limit:
            raise PlanFileError([Problem(str(path), "", None, _too_big(size, limit))])
        with path.open("rb") as file:  # at most the limit, even from a device or a pipe
            data = file.read(limit + 1)
        if len(data) > limit:
            raise PlanFileError([Problem(str(path), "", None, _too_big(None, limit))])
    except OSError as error:
        reason = error.strerror or str(error)
        raise PlanFileError([Problem(str(path), "", None, f"cannot be read: {reason}")]) from error
    return parse_plan_file(decode_plan_bytes(data, str(path)), str(path))


def _too_big(size: int | None, limit: int) -> str:
    what = f"is {size:,} bytes" if size is not None else f"is more than {limit:,} bytes"
    return f"{what}; a plan file may be at most {limit:,} bytes (HELHEDSPLAN_MAX_UPLOAD_BYTES)"


def decode_plan_bytes(data: bytes, filename: str = "<plan file>") -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise PlanFileError(
                [Problem(filename, "", None, f"is not valid UTF-16 text ({error.reason})")]
            ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            message = (
                f"is neither UTF-8 nor Windows-1252 text (byte 0x{data[error.start]:02x}); "
                "save the file as UTF-8"
            )
            raise PlanFileError([Problem(filename, "", line, message)]) from utf8_error


def parse_plan_file(text: str, filename: str = "<plan file>") -> PlanFile:
    limit = _setting("MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)
    if len(text) > limit:
        raise PlanFileError([Problem(filename, "", None, _too_big(len(text), limit))])
    surrogate = re.search("[\ud800-\udfff]", text)
    if surrogate:  # text decoded with errors="surrogateescape": not Unicode, libyaml cannot read it
        line = text.count("\n", 0, surrogate.start()) + 1
        raise PlanFileError([Problem(filename, "", line, "is not valid Unicode text")])
    try:
        alias_lines = _scan_events(text, filename)
        root_node = yaml.compose(text, Loader=Loader)
        if root_node is not None:
            _check_nodes(root_node, filename, alias_lines)
        data = _Constructor().construct_document(root_node) if root_node is not None else None
    except yaml.reader.ReaderError as error:
        # The text holds a character YAML forbids; NUL here usually means UTF-16 without BOM.
        line = text.count("\n", 0, error.position) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"is not valid YAML: the character U+{code:04X} is not allowed"
        if code == 0:
            message += " (a UTF-16 file needs its byte-order mark; better, save it as UTF-8)"
        raise PlanFileError([Problem(filename, "", line, message)]) from error
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
        plan_file = PlanFile.model_validate(data)
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
    problems = [
        Problem(filename, format_path(location), _line_of(root_node, location), message)
        for location, message in date_problems(plan_file)
    ]
    if problems:
        raise PlanFileError(problems)
    return plan_file


def _scan_events(text: str, filename: str) -> list[int]:
    """Refuse deep nesting from the event stream, before libyaml's recursive composer runs;
    return the line of each alias, in the order of the file."""
    depth = 0
    alias_lines = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise PlanFileError(
                    [
                        Problem(
                            filename,
                            "",
                            event.start_mark.line + 1,
                            f"nests deeper than {MAX_NESTING} levels; a plan file needs at most 9",
                        )
                    ]
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            alias_lines.append(event.start_mark.line + 1)
    return alias_lines


def _check_nodes(root: yaml.Node, filename: str, alias_lines: list[int]) -> None:
    """Duplicate keys, aliases that contain themselves, and aliases that repeat too much.

    The composed document has no alias nodes (an alias is the anchored node itself, met a
    second time); walked in the file's order, the n-th such meeting is the n-th alias."""
    sizes: dict[int, int] = {}  # id(node) -> number of values, aliases expanded
    repeated = 0
    aliases_met = 0

    def fail(path, line, message):
        raise PlanFileError([Problem(filename, format_path(path), line, message)])

    def visit(node: yaml.Node, path: tuple, line: int) -> int:
        nonlocal repeated, aliases_met
        known = sizes.get(id(node))
        if known is not None:
            line = alias_lines[aliases_met] if aliases_met < len(alias_lines) else line
            aliases_met += 1
        if known == -1:
            fail(
                path,
                line,
                "an alias refers to the block that contains it "
                f"(the anchor on line {node.start_mark.line + 1})",
            )
        if known is not None:  # a second use of an anchored node: an alias
            repeated += known
            if repeated > MAX_ALIAS_VALUES:
                fail(
                    path,
                    line,
                    f"aliases repeat more than {MAX_ALIAS_VALUES:,} values in all "
                    f"(this one repeats the block at line {node.start_mark.line + 1})",
                )
            return known
        sizes[id(node)] = -1
        size = 1
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key, value in node.value:
                key_line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode):
                    if (key.tag, key.value) in seen:
                        fail(
                            (*path, key.value),
                            key_line,
                            f"the key '{key.value}' appears twice in the same mapping "
                            f"(lines {seen[key.tag, key.value]} and {key_line})",
                        )
                    seen[key.tag, key.value] = key_line
                size += visit(key, path, key_line)
                size += visit(
                    value, (*path, key.value if isinstance(key, yaml.ScalarNode) else "?"), key_line
                )
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                size += visit(item, (*path, index), item.start_mark.line + 1)
        sizes[id(node)] = size
        return size

    visit(root, (), root.start_mark.line + 1)


_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$")


class _Constructor(yaml.constructor.SafeConstructor):
    """Dates stay text for the schema to check (`2021-02-30` is an error there, not a crash);
    decimal numbers are read exactly (a float would round 16 digits and turn 1e400 into inf)."""

    def construct_timestamp_as_text(self, node):
        return self.construct_scalar(node)

    def construct_decimal(self, node):
        text = self.construct_scalar(node).replace("_", "")
        if text.lower().lstrip("+-") in (".inf", ".nan") or _SEXAGESIMAL.match(text):
            return self.construct_yaml_float(node)
        try:
            return Decimal(text)
        except InvalidOperation:
            return self.construct_yaml_float(node)


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _Constructor.construct_timestamp_as_text
)
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_decimal)


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
