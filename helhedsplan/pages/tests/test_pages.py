"""The plan pages show the plan in Danish, with the seeds' numbers."""

from django.urls import reverse

from helhedsplan.accounts.models import Role


def test_overview_shows_period_parties_budget_and_intervention_areas(plan_2017, member):
    reader = member(plan_2017, Role.READER)

    page = reader.get(plan_2017.get_absolute_url()).content.decode()

    assert "1. april 2017" in page
    assert "Bjerringbro Andelsboligforening" in page
    assert "14,6 mio. kr." in page  # LBF
    assert "12,502 mio. kr." in page  # local co-financing
    assert "46,1 %" in page  # co-financing share
    assert "Tryghed og trivsel" in page
    assert "Medfinansieringsandel" in page


def test_overview_says_when_there_is_no_budget(plan_2025, member):
    page = member(plan_2025).get(plan_2025.get_absolute_url()).content.decode()

    assert "Der er ikke registreret et budget" in page or "ikke registreret" in page
    assert "Sammenhængskraft og medborgerskab" in page


def test_departments_are_listed_in_danish_order(plan_2025, member):
    page = member(plan_2025).get(reverse("plans:departments", args=[plan_2025.slug]))

    names = [d.name for d in page.context["rows"]]
    assert len(names) == 17
    k_block = [n for n in names if n.startswith("K")]
    assert k_block == ["Karup", "Kildegaarden", "Klostervænget", "Kærsangerparken", "Kølvrå"]
    assert names == sorted(
        names, key=lambda n: n.lower().translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))
    )


def test_department_page_shows_facts_and_suppressed_values(plan_2025, member):
    reader = member(plan_2025)

    page = reader.get(
        reverse("plans:department", args=[plan_2025.slug, "houlkaervaenget"])
    ).content.decode()

    assert "Afd. 12 Houlkærvænget" in page
    assert "1968-1971" in page
    assert "1.102" in page  # residents 2023
    assert "47,7 %" in page  # non-Western share, dec. 2023

    solgaarden = reader.get(
        reverse("plans:department", args=[plan_2025.slug, "solgaarden"])
    ).content.decode()
    assert 'class="suppressed"' in solgaarden


def test_goals_page_shows_baselines_against_the_municipality(plan_2025, member):
    page = member(plan_2025).get(reverse("plans:goals", args=[plan_2025.slug])).content.decode()

    assert "97,95 %" in page
    assert "82,77 %" in page
    assert "de 198 udvalgte områder" in page


def test_sub_agreement_shows_activities_and_hours(plan_2025, member):
    sub_agreement = plan_2025.sub_agreements.get()

    page = member(plan_2025).get(sub_agreement.get_absolute_url()).content.decode()

    assert "Hverdagsrådgivning" in page
    assert "Bo Godt" in page
    assert "49 " in page or "49,0" in page  # 17 + 7 + 25 hours per week


def test_governance_page_shows_board_and_annual_cycle(plan_2025, member):
    page = (
        member(plan_2025)
        .get(reverse("governance:overview", args=[plan_2025.slug]))
        .content.decode()
    )

    assert "Bestyrelse" in page
    assert "Socialchef i Viborg Kommune" in page
    assert "Analyse af boligafdelinger" in page


def test_english_is_available(plan_2025, member):
    reader = member(plan_2025)
    reader.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = reader.get(reverse("plans:departments", args=[plan_2025.slug])).content.decode()

    assert "Housing departments" in page
    assert 'lang="en"' in page


def test_plan_file_download_for_staff(plan_2025, member):
    response = member(plan_2025, Role.STAFF).get(reverse("plans:export", args=[plan_2025.slug]))

    assert response["Content-Type"].startswith("application/yaml")
    assert b"slug: viborg-2025-29" in response.content


def test_danish_even_when_the_browser_asks_for_english(plan_2025, member):
    reader = member(plan_2025)

    page = reader.get(
        reverse("plans:departments", args=[plan_2025.slug]), HTTP_ACCEPT_LANGUAGE="en-US,en"
    ).content.decode()

    assert "Boligafdelinger" in page or "boligafdelinger" in page
    assert 'lang="da"' in page
