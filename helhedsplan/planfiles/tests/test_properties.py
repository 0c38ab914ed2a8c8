"""Property-based tests: whatever a plan file holds, reading and importing it either works or
ends in a `PlanFileError` listing problems; no other exception, and nothing written on error."""

import datetime
import re

import pytest
import yaml
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helhedsplan.planfiles.importer import import_plan
from helhedsplan.planfiles.source import PlanFileError, parse_plan_file, read_plan_file

from .test_bad_files import VALID, counts

FULL = (
    VALID
    + """\
sub_agreements:
  - key: job
    intervention_area: beskaeftigelse
    title: Job
    period_start: 2025-08-01
    period_end: 2029-07-31
    sections:
      - heading: Formål
        body: Flere i job.
    goals:
      - level: sub_goal
        text: Flere i job
        indicators:
          - key: beskaeftigede
            name: Beskæftigede
            unit: count
            targets:
              - kind: absolute
                value: 30
                target_year: 2028
    activities:
      - key: jobcafe
        number: 1
        name: Jobcafé
        hours_per_week: 7.5
        departments: [testparken]
        success_criteria:
          - text: 20 deltagere
            threshold: 20
            measure: participants
budget:
  - source: lbf
    amount: 1000000
    year: 2026
    note: Tilskud
governance:
  bodies:
    - key: bestyrelse
      kind: board
      name: Bestyrelsen
      meetings_per_year: 4
      members:
        - role: Formand
          person: Anna
          chair: true
  annual_cycle:
    - title: Årsmøde
      month: 9
  milestones:
    - title: Midtvejsevaluering
      due: 2027-08-01
"""
)
BASE = yaml.safe_load(FULL)

PROPERTY = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class _Undo(Exception):
    """Rolls back a successful import, so every example starts from the same database."""


def import_or_refuse(text: str) -> None:
    """The property itself: a correct import, or a PlanFileError and an unchanged database."""
    before = counts()
    try:
        plan_file = parse_plan_file(text, "plan.yaml")
        with transaction.atomic():
            import_plan(plan_file, "plan.yaml")
            raise _Undo
    except PlanFileError as error:
        assert error.problems
        assert all(problem.file == "plan.yaml" and problem.message for problem in error.problems)
    except _Undo:
        pass
    assert counts() == before


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


ALL_PATHS = [path for path in paths(BASE) if path]


def replaced(document, path, value):
    if not path:
        return value
    copy = list(document) if isinstance(document, list) else dict(document)
    copy[path[0]] = replaced(document[path[0]], path[1:], value)
    return copy


def nested(depth: int):
    value = []
    for _ in range(depth):
        value = [value]
    return value


BAD_VALUES = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=80),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=10),
    st.integers(min_value=150, max_value=400).map(lambda n: "æ" * n),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["key", "name", "x"]), st.integers(), max_size=2),
    st.integers(min_value=1, max_value=40).map(nested),
)


class Plain(str):
    """Written into the YAML as it is, unquoted: `1e400`, `2021-02-30`, `.inf`."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_plain(dumper, value):
    tag = dumper.resolve(yaml.ScalarNode, str(value), (True, False))
    return dumper.represent_scalar(tag, str(value))


_Dumper.add_representer(Plain, _represent_plain)


def dump(document) -> str:
    return yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def paths_of(*kinds):
    def value_at(path):
        node = BASE
        for part in path:
            node = node[part]
        return node

    return [
        path
        for path in ALL_PATHS
        if isinstance(value_at(path), kinds) and not isinstance(value_at(path), bool)
    ]


NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.from_regex(r"-?[0-9]{1,45}(\.[0-9]{1,12})?(e-?[0-9]{1,4})?", fullmatch=True).map(Plain),
    st.sampled_from([".inf", "-.inf", ".nan", "1e400", "1_000", "0x7fffffffffffffff"]).map(Plain),
)
TEXTS = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20),
    st.integers(min_value=15, max_value=400).map(lambda n: "æ" * n),
)
DATES = st.one_of(
    st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True).map(Plain),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.datetimes(min_value=datetime.datetime(1, 1, 1)),
)


@PROPERTY
@given(path=st.sampled_from(paths_of(int, float)), value=NUMBERS)
def test_any_number_where_a_number_goes_imports_or_is_refused(db, path, value):
    import_or_refuse(dump(replaced(BASE, path, value)))


@PROPERTY
@given(path=st.sampled_from(paths_of(str)), value=TEXTS)
def test_any_text_where_text_goes_imports_or_is_refused(db, path, value):
    import_or_refuse(dump(replaced(BASE, path, value)))


@PROPERTY
@given(path=st.sampled_from(paths_of(datetime.date)), value=DATES)
def test_any_date_where_a_date_goes_imports_or_is_refused(db, path, value):
    import_or_refuse(dump(replaced(BASE, path, value)))


def test_the_full_example_imports(db):
    plan_file = parse_plan_file(FULL, "plan.yaml")

    plan = import_plan(plan_file, "plan.yaml")

    assert plan.sub_agreements.get().activities.get().key == "jobcafe"


@PROPERTY
@given(path=st.sampled_from(ALL_PATHS), value=BAD_VALUES)
def test_any_value_anywhere_imports_or_is_refused_with_problems(db, path, value):
    import_or_refuse(dump(replaced(BASE, path, value)))


@PROPERTY
@given(data=st.binary(max_size=3_000))
def test_any_bytes_are_read_or_refused_with_problems(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "plan.yaml"
    path.write_bytes(data)

    try:
        read_plan_file(path)
    except PlanFileError as error:
        assert error.problems


@PROPERTY
@given(text=st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=2_000))
@example(text="plan: \ud800")  # a lone surrogate, as errors="surrogateescape" decoding makes
def test_any_text_imports_or_is_refused_with_problems(db, text):
    import_or_refuse(text)


@PROPERTY
@given(cut=st.integers(min_value=0, max_value=len(FULL)), junk=st.text(max_size=20))
def test_a_file_broken_anywhere_imports_or_is_refused_with_problems(db, cut, junk):
    import_or_refuse(FULL[:cut] + junk + FULL[cut:])


MAPPING_LINES = [
    index for index, line in enumerate(FULL.splitlines()) if re.match(r"^ *[a-z_]+: \S", line)
]


@PROPERTY
@given(index=st.sampled_from(MAPPING_LINES))
def test_a_key_given_twice_anywhere_is_refused_naming_both_lines(db, index):
    lines = FULL.splitlines()
    key = lines[index].strip().split(":")[0]

    with pytest.raises(PlanFileError) as raised:
        parse_plan_file("\n".join([*lines[: index + 1], lines[index], *lines[index + 1 :]]))

    assert (
        f"the key '{key}' appears twice in the same mapping (lines {index + 1} and {index + 2})"
        in str(raised.value)
    )


@PROPERTY
@given(depth=st.integers(min_value=1, max_value=12), width=st.integers(min_value=1, max_value=12))
def test_aliases_are_refused_once_they_repeat_too_much(depth, width):
    laughs = "".join(
        f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i else "lol"] * width) + "]\n"
        for i in range(depth)
    )
    repeated, size = 0, 1 + width  # values an alias of l0 repeats: the list and its items
    for _level in range(1, depth):
        repeated += width * size
        size = 1 + width * size

    with pytest.raises(PlanFileError) as raised:
        parse_plan_file(FULL + "x-laughs:\n" + laughs)

    too_much = "aliases repeat more than 10,000 values" in str(raised.value)
    assert too_much == (repeated > 10_000)
