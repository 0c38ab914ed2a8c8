"""A sub-agreement version as a document, in every format, for any version."""

import io
import subprocess

import openpyxl
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from helhedsplan.agreements.models import SubAgreementVersion

from .made import made_file


def version_file(client, plan, version, kind):
    key, number = version.sub_agreement.key, version.number
    return made_file(client, plan, kind="agreement", key=key, number=number, format=kind)


def first_version(plan):
    return SubAgreementVersion.objects.filter(sub_agreement__plan=plan).order_by("number").first()


def test_the_docx_follows_the_template_with_activities_as_headings(plan_2017, member):
    version = first_version(plan_2017)

    answer = version_file(member(plan_2017), plan_2017, version, "docx")

    document = Document(io.BytesIO(answer.content))
    headings = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", version.content["title"]) in headings
    names = [a["name"] for a in version.content["activities"]]
    level_two = [text for style, text in headings if style == "Heading 2"]
    assert all(any(name in text for text in level_two) for name in names)
    assert len(document.tables) > len(names)


def test_an_earlier_version_renders_as_it_was(plan_2017, member, tmp_path):
    version = first_version(plan_2017)
    frozen_title = version.content["title"]
    version.sub_agreement.title = "Ændret titel"
    version.sub_agreement.save()

    answer = version_file(member(plan_2017), plan_2017, version, "pdf")

    (tmp_path / "v.pdf").write_bytes(answer.content)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "v.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert " ".join(frozen_title.split()) in " ".join(text.split())
    assert "Ændret titel" not in text


def test_the_workbook_has_the_baselines_as_numbers(plan_2017, member):
    version = first_version(plan_2017)

    answer = version_file(member(plan_2017), plan_2017, version, "xlsx")

    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    values = [c.value for s in book.worksheets for row in s.iter_rows() for c in row]
    assert 32 in values  # complaints in Ellekonebakken, 2015 (seed 004)


def test_an_unknown_version_is_not_found(plan_2017, member):
    version = first_version(plan_2017)
    args = [plan_2017.slug, version.sub_agreement.key, 99]

    answer = member(plan_2017).get(reverse("reports:agreement_download", args=args))

    assert answer.status_code == 404


def test_the_command_writes_the_latest_version(plan_2017, tmp_path):
    call_command(
        "report",
        "agreement",
        plan_2017.slug,
        "--format",
        "docx",
        "--out",
        str(tmp_path),
        stdout=io.StringIO(),
    )

    [written] = tmp_path.iterdir()
    assert written.name.startswith("viborg-2017-21-delaftale-")
    assert Document(str(written)).paragraphs[0].text
