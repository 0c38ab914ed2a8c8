"""The observations API follows the disclosure rule (docs/disclosure.md): a reader's token gets
a small count as null with `small_count: true`; a staff member's token gets the number."""

from helhedsplan.accounts.models import Role
from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.tests.files import long_csv

EVICTIONS_SET = {
    "department": "egeparken",
    "indicator": "udsaettelser-berammede",
    "period": "2017H2",
}


def the_observation(client, plan):
    response = client.get(f"/api/plans/{plan.slug}/observations", EVICTIONS_SET)
    assert response.status_code == 200
    [item] = response.json()["items"]
    return item


def test_a_reader_token_gets_a_count_of_one_as_null_marked_small(plan_2017, api_member):
    reader = api_member(plan_2017, Role.READER)

    item = the_observation(reader, plan_2017)

    assert (item["value"], item["small_count"], item["status"]) == (None, True, "small")


def test_a_staff_token_gets_the_exact_count(plan_2017, api_member):
    staff = api_member(plan_2017, Role.STAFF)

    item = the_observation(staff, plan_2017)

    assert (item["value"], item["small_count"], item["status"]) == (1.0, False, "value")


def test_a_reader_token_gets_shares_and_large_counts_as_they_are(plan_2017, api_member):
    reader = api_member(plan_2017, Role.READER)

    response = reader.get(f"/api/plans/{plan_2017.slug}/observations", {"limit": 1000})

    items = response.json()["items"]
    assert any(i["value"] is not None and i["value"] >= 5 for i in items)
    assert all(not (0 < (i["value"] or 0) < 5) for i in items if i["indicator"] in COUNTS)
    assert any(i["small_count"] for i in items)


COUNTS = {"udsaettelser-berammede", "udsaettelser-effektive", "beboerklager", "fraflytninger"}


def test_the_schema_documents_the_small_count_marker(plan_2017, api_member):
    reader = api_member(plan_2017, Role.READER)  # the schema is closed to anonymous visitors

    schema = reader.get("/api/openapi.json").json()

    observation = schema["components"]["schemas"]["ObservationOut"]["properties"]
    assert "small_count" in observation and "reader" in observation["small_count"]["description"]


def test_a_reader_token_does_not_get_what_the_needs_matrix_hides_beside_its_total(
    plan_2025, api_member
):
    # Complaints in 2028: 2 in Houlkærvænget (small), 11 in Vestervang, 20 in Ringparken; the
    # total 33 is shown to readers, so Vestervang's 11 (and so its half-years) is hidden too.
    rows = [
        (name, "beboerklager", f"2028H{half}", value, "", "")
        for name, values in [
            ("Houlkærvænget", (1, 1)),
            ("Vestervang", (5, 6)),
            ("Ringparken", (10, 10)),
        ]
        for half, value in zip((1, 2), values, strict=True)
    ]
    import_observations(plan_2025, [long_csv(*rows)], load_layout("long"))
    query = {"indicator": "beboerklager", "period_from": "2028-01-01"}

    def values(client):
        items = client.get(f"/api/plans/{plan_2025.slug}/observations", query).json()["items"]
        return {(i["department"], i["period"]): (i["value"], i["status"]) for i in items}

    for_reader = values(api_member(plan_2025, Role.READER))
    for_staff = values(api_member(plan_2025, Role.STAFF))

    assert for_reader[("vestervang", "2028H1")] == (None, "secondary")
    assert for_reader[("houlkaervaenget", "2028H2")] == (None, "small")
    assert for_reader[("ringparken", "2028H1")] == (10.0, "value")
    assert for_staff[("vestervang", "2028H1")] == (5.0, "value")


def test_a_reader_token_does_not_get_the_other_half_of_a_year_the_pages_show(plan_2025, api_member):
    # Solgården's 2028 is 11 on its department page; with its first half-year (2) hidden, the
    # second (9) would give it away: 11 - 9 = 2.
    rows = [
        ("Solgården", "beboerklager", f"2028H{half}", v, "", "") for half, v in ((1, 2), (2, 9))
    ]
    import_observations(plan_2025, [long_csv(*rows)], load_layout("long"))
    query = {"indicator": "beboerklager", "department": "solgaarden", "period_from": "2028-01-01"}

    def values(client):
        items = client.get(f"/api/plans/{plan_2025.slug}/observations", query).json()["items"]
        return {i["period"]: (i["value"], i["status"]) for i in items}

    assert values(api_member(plan_2025, Role.READER)) == {
        "2028H1": (None, "small"),
        "2028H2": (None, "secondary"),
    }
    assert values(api_member(plan_2025, Role.STAFF)) == {
        "2028H1": (2.0, "value"),
        "2028H2": (9.0, "value"),
    }
