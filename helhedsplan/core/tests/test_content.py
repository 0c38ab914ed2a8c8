"""Pages kept per process under the plan content generation: every write to a plan's content,
however it is made, gives a new generation, so a kept page is never shown out of date."""

import pytest
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.urls import reverse

from helhedsplan.accounts.access import plan_for
from helhedsplan.core import content, generations
from helhedsplan.logbook.models import Event
from helhedsplan.plans.models import Department, Party, Plan, Residents


def rename_party(plan):
    party = plan.parties.first()
    party.name = "Et nyt navn"
    party.save()


def update_departments(plan):
    plan.departments.update(name="Samme navn")  # no signals


def bulk_create_residents(plan):
    department = plan.departments.first()
    Residents.objects.bulk_create([Residents(department=department, year=2099, value=1)])


def delete_with_cascade(plan):
    plan.bodies.first().delete()  # its members go with it


def add_a_party(plan):
    plan.parties.add(Party.objects.create(name="Ny partner"))


def raw_sql(plan):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Plan._meta.db_table} SET name = %s WHERE id = %s", ["X", plan.pk])


@pytest.mark.parametrize(
    "write",
    [
        rename_party,
        update_departments,
        bulk_create_residents,
        delete_with_cascade,
        add_a_party,
        raw_sql,
    ],
)
def test_every_kind_of_write_to_plan_content_gives_a_new_generation(plan_2025, write):
    before = content.current()

    write(plan_2025)

    assert content.current() != before


def test_writes_to_other_data_leave_it_alone(plan_2025, member):
    before = content.current()

    client = member(plan_2025)  # a user, a membership and a session
    Event.objects.filter(plan=plan_2025).update(version=7)  # a logbook write

    assert content.current() == before
    assert client.get(reverse("plans:overview", args=[plan_2025.slug])).status_code == 200


def test_the_kept_pages_show_an_edit_at_once(plan_2025, member):
    client = member(plan_2025)
    department = plan_2025.departments.order_by("key").first()
    pages = [
        reverse("plans:overview", args=[plan_2025.slug]),
        reverse("plans:department", args=[plan_2025.slug, department.key]),
        reverse("monitoring:matrix", args=[plan_2025.slug]),
    ]
    for page in pages:
        client.get(page)  # rendered and kept

    Plan.objects.filter(pk=plan_2025.pk).update(name="Helhedsplan med nyt navn")
    Department.objects.filter(pk=department.pk).update(name="Afdeling med nyt navn")

    for page in pages:
        html = client.get(page).content.decode()
        assert "Helhedsplan med nyt navn" in html, page  # the plan menu, on every page
    for page in pages[1:]:
        assert "Afdeling med nyt navn" in client.get(page).content.decode(), page


def test_a_kept_part_may_not_hold_a_form(db, rf):
    request = rf.get("/")
    template = Template(
        '{% load kept %}{% kept "form" %}<form>{% csrf_token %}</form>{% endkept %}'
    )

    with pytest.raises(TemplateSyntaxError, match="form"):
        template.render(Context({"request": request, "csrf_token": "abc"}))


def test_each_request_gets_its_own_copy_of_the_kept_plan(plan_2025, member):
    user = member(plan_2025).user
    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    first.user = second.user = user

    mine = plan_for(first, plan_2025.slug)
    mine.name = "Ændret i en formular, der ikke blev gemt"

    assert plan_for(second, plan_2025.slug).name == plan_2025.name


def test_a_request_reads_the_generation_once_and_again_after_its_own_write(
    db, django_assert_num_queries
):
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        [first] = generations.for_request(request, content.KEY)
        assert generations.for_request(request, content.KEY) == (first,)

    generations.bump(content.KEY)

    assert generations.for_request(request, content.KEY) != (first,)
