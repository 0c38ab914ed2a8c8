"""The observations API follows the disclosure rule (docs/disclosure.md): a reader's token gets
a small count as null with `small_count: true`; a staff member's token gets the number."""

from helhedsplan.accounts.models import Role

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


def test_the_schema_documents_the_small_count_marker(client):
    schema = client.get("/api/openapi.json").json()

    observation = schema["components"]["schemas"]["ObservationOut"]["properties"]
    assert "small_count" in observation and "reader" in observation["small_count"]["description"]
