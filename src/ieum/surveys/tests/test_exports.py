"""Exports checked cell by cell: a small form in two versions, with a repeat."""

from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import load_workbook

from ieum.surveys.exports import write_csv_zip, write_xlsx
from ieum.surveys.models import Export
from ieum.surveys.services import submission_create, survey_upload
from ieum.surveys.tests.conftest import GOOD_ANSWERS, household_form

HEAD = ["_index", "_id", "_version", "_submitted_at", "_status", "_language"]


def two_versions(household, officer):
    v1 = household.current
    submission_create(version=v1, answers=GOOD_ANSWERS, language="vi", instance_id="uuid:one")
    v2 = survey_upload(content=household_form(version="2", extra=True), actor=officer, survey=household)
    second = {
        "age": "16",
        "region": "east",
        "county": "yeosu",
        "needs": "housing",
        "comment": "@SUM(A1)",
        "child": [{"child_name": "Bo", "child_age": "1"}],
    }
    submission_create(version=v2, answers=second, language="en", instance_id="uuid:two")


def sheet_rows(book, name):
    return [list(r) for r in book[name].iter_rows(values_only=True)]


def test_the_xlsx_export_merges_versions_and_puts_the_repeat_on_its_own_sheet(household, officer):
    two_versions(household, officer)
    out = io.BytesIO()
    assert write_xlsx(household, out) == 2
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["data", "child", "codebook"]
    data = sheet_rows(book, "data")
    assert data[0] == HEAD + ["age", "works", "employer", "region", "county", "needs", "adult", "comment"]
    first, second = data[1], data[2]
    assert first[:3] == [1, "uuid:one", "1"] and first[4:6] == ["new", "vi"]
    # A formula-looking answer is neutralised; numbers stay numbers.
    assert first[6:] == [34, "yes", "'=cmd|' /C calc'!A0", "west", "haenam", "korean health", "yes", None]
    assert second[:3] == [2, "uuid:two", "2"]
    assert second[6:] == [16, None, None, "east", "yeosu", "housing", "no", "'@SUM(A1)"]
    assert sheet_rows(book, "child") == [
        ["_index", "_parent_index", "child_name", "child_age"],
        [1, 1, "Lan", 5],
        [2, 1, "Minh", 2],
        [3, 2, "Bo", 1],
    ]
    codebook = sheet_rows(book, "codebook")
    assert codebook[0] == ["table", "name", "type", "English (en)", "Tiếng Việt (vi)", "choices"]
    assert [
        "main",
        "works",
        "select one",
        "Do you work?",
        "Bạn có đi làm không?",
        "yes=Yes; no=No",
    ] in codebook
    assert ["child", "child_age", "integer", "Child's age", "Tuổi con", None] in codebook


def test_the_export_in_a_chosen_language_shows_labels(household, officer):
    two_versions(household, officer)
    out = io.BytesIO()
    write_xlsx(household, out, language="Tiếng Việt (vi)")
    data = sheet_rows(load_workbook(io.BytesIO(out.getvalue())), "data")
    assert data[0][6:9] == ["Tuổi", "Bạn có đi làm không?", "Nơi làm việc"]
    assert data[1][7] == "Có"
    assert data[1][11] == "Lớp tiếng Hàn; Y tế"
    assert data[2][9] == "Miền Đông"


def test_the_csv_export_holds_one_file_per_table(household, officer):
    two_versions(household, officer)
    out = io.BytesIO()
    write_csv_zip(household, out)
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    assert archive.namelist() == ["data.csv", "child.csv", "codebook.csv"]
    data = list(csv.reader(io.StringIO(archive.read("data.csv").decode("utf-8-sig"))))
    assert data[1][6:] == ["34", "yes", "'=cmd|' /C calc'!A0", "west", "haenam", "korean health", "yes", ""]
    child = list(csv.reader(io.StringIO(archive.read("child.csv").decode("utf-8-sig"))))
    assert child == [
        ["_index", "_parent_index", "child_name", "child_age"],
        ["1", "1", "Lan", "5"],
        ["2", "1", "Minh", "2"],
        ["3", "2", "Bo", "1"],
    ]


def test_an_officer_requests_an_export_and_downloads_it(
    client, household, officer, login_staff, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    two_versions(household, officer)
    login_staff(client, officer)
    response = client.post(f"/surveys/manage/{household.pk}/export/", {"format": "xlsx", "language": ""})
    export = Export.objects.get()
    assert response.status_code == 302 and export.status == Export.Status.DONE and export.done == 2
    page = client.get(f"/surveys/manage/exports/{export.pk}/")
    assert "100%" in page.content.decode()
    download = client.get(f"/surveys/manage/exports/{export.pk}/?download=1")
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book["data"]["B2"].value == "uuid:one"


def test_an_export_in_a_language_the_form_lacks_is_refused(client, household, officer, login_staff):
    login_staff(client, officer)
    client.post(f"/surveys/manage/{household.pk}/export/", {"format": "xlsx", "language": "Klingon (tlh)"})
    assert Export.objects.count() == 0


def test_a_large_export_runs_in_the_background_and_reports_progress(
    client, household, officer, login_staff, settings, tmp_path, monkeypatch
):
    from ieum.surveys import exports, views

    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(exports, "CHUNK", 2)
    monkeypatch.setattr(views, "SMALL_EXPORT", 3)
    version = household.current
    for n in range(5):
        submission_create(version=version, answers=GOOD_ANSWERS, language="vi", instance_id=f"uuid:{n}")
    seen: list[int] = []
    list(exports.rows(household, exports.layout(household), "", on_chunk=seen.append))
    assert seen == [2, 4]  # progress after each chunk read
    login_staff(client, officer)
    client.post(f"/surveys/manage/{household.pk}/export/", {"format": "csv", "language": ""})
    export = Export.objects.get()
    # The test settings run tasks at once (immediate backend); a worker does it in production.
    assert export.status == Export.Status.DONE and export.done == 5 and export.total == 5
    archive = zipfile.ZipFile(export.path)
    assert len(list(csv.reader(io.StringIO(archive.read("data.csv").decode("utf-8-sig"))))) == 6
