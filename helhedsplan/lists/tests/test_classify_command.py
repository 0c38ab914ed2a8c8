"""`helhedsplan classify INPUT.csv`: the seed's December 2023 table classifies as the seed says."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEED_TABLE = Path(__file__).resolve().parents[1] / "data" / "viborg-2023.csv"


def classify(*args) -> list[dict]:
    out = io.StringIO()
    call_command("classify", *map(str, args), stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def by_area(rows):
    return {row["area"]: row for row in rows}


def test_the_seed_table_of_december_2023(db):
    rows = by_area(classify(SEED_TABLE))

    houlkaer = rows["Houlkærvænget"]
    assert houlkaer["rule_set"] == "2021"
    assert houlkaer["criteria_met"] == "primary_only"  # 60,9 % > 60 %
    assert houlkaer["udsat"] == "no"
    assert houlkaer["forebyggelse"] == "yes"
    assert houlkaer["margin_outside_work"] == "-2"  # 38,0 against > 40 %
    assert houlkaer["margin_primary_only"] == "0.9"
    assert houlkaer["margin_convicted"] == "-1.11"  # 1,07 against >= 2,18 %
    ellekone = rows["Ellekonebakken"]
    assert ellekone["criteria_met"] == "outside_work;primary_only"
    assert ellekone["udsat"] == "no"  # 684 residents: under 1.000
    assert ellekone["forebyggelse"] == "no"
    assert rows["Fasanvænget"]["udsat"] == "unknown"  # all suppressed


def test_output_rows_follow_the_input_order_and_columns(db):
    rows = classify(SEED_TABLE)

    assert [r["area"] for r in rows][:3] == ["Houlkærvænget", "Ellekonebakken", "Fasanvænget"]
    assert list(rows[0]) == [
        "area",
        "list_year",
        "rule_set",
        "criteria_met",
        "criteria_unknown",
        "udsat",
        "parallelsamfund",
        "omdannelse",
        "forebyggelse",
        "margin_non_western",
        "margin_outside_work",
        "margin_convicted",
        "margin_primary_only",
        "margin_income",
    ]


def test_semicolons_and_danish_commas(db, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "area;list_year;residents;outside_work_pct;convicted_pct;primary_only_pct;income_pct;"
        "non_western_pct;national_convicted_pct\n"
        "Testparken;2023;1.250;45,5;1,95;-;50,0;55,1;0,65\n",
        encoding="utf-8",
    )

    (row,) = classify(path)

    assert row["criteria_met"] == "outside_work;convicted;income;non_western"
    assert row["criteria_unknown"] == "primary_only"
    assert row["margin_convicted"] == "0"  # 3 x 0,65 = 1,95 exactly
    assert (row["udsat"], row["parallelsamfund"]) == ("yes", "yes")


def test_official_history_gives_omdannelse(db, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "area,kommune,list_year,residents,outside_work_pct,convicted_pct,primary_only_pct,"
        "income_pct,non_western_pct\n"
        "Vollsmose,Odense,2023,8000,45,1,70,50,70\n",
        encoding="utf-8",
    )

    (official,) = classify(path)
    (alone,) = classify(path, "--history", "none")

    assert official["omdannelse"] == "yes"  # on the lists 2019-2022, and now
    assert alone["omdannelse"] == "unknown"


def test_bad_input_is_rejected_with_row_and_column_and_writes_nothing(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "area,list_year,residents,outside_work_pct,convicted_pct,primary_only_pct,income_pct,"
        "non_western_pct,colour\n"
        "A,2009,-5,101,1,2,3,4,red\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"

    with pytest.raises(CommandError) as raised:
        classify(path, "--out", out)

    assert raised.value.returncode == 2
    assert "bad.csv, row 1, column 'colour': unknown column" in str(raised.value)
    assert not out.exists()


def test_every_bad_value_is_listed(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "area,list_year,residents,outside_work_pct,convicted_pct,primary_only_pct,income_pct,"
        "non_western_pct\n"
        "A,2009,-5,101,1,2,3,4\n"
        "B,2023,100,mange,1,2,3,4\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as raised:
        classify(path)

    message = str(raised.value)
    assert "row 2, column 'list_year': the first list was in 2010, got 2009" in message
    assert "row 2, column 'residents'" in message
    assert "row 2, column 'outside_work_pct': a share in percent must be 0-100, got 101" in message
    assert "row 3, column 'outside_work_pct': expected a number, got 'mange'" in message
