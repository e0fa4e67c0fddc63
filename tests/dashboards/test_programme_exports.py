"""The programme page's province table as CSV and XLSX: the page's figures, the filters
named in the file, numbers as numbers, nothing a spreadsheet would run."""

from decimal import Decimal
from urllib.parse import unquote

import pytest

from accounts.models import AuditEntry
from communities.models import GroupKind
from tests import factories
from tests.dashboards.programme_world import YEAR, build_programme_world, expected, groups_in
from tests.dashboards.test_exports import read_csv, read_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(south, north, krabi):
    return build_programme_world(south=south, north=north, krabi=krabi)


def _download(client, user, extension, **params):
    client.force_login(user)
    response = client.get(f"/dashboards/programme/export.{extension}", {"fy": YEAR, **params})
    assert response.status_code == 200
    return response


def test_the_csv_holds_each_province_then_the_total(client, world, staff_south):
    table = read_csv(_download(client, staff_south, "csv"))
    header, *rows = table
    assert header[:3] == ["จังหวัด", "กลุ่ม", "กลุ่มที่รายงานผล"]
    assert [row[0] for row in rows] == ["กระบี่", "พังงา", "รวม"]
    krabi = dict(zip(header, rows[0], strict=True))
    wanted = expected(groups_in(world, "81"))
    assert krabi["กลุ่ม"] == str(wanted["groups"])
    assert Decimal(krabi["รายได้ (บาท)"]) == wanted["income"]
    assert krabi["สมาชิกที่มีรายได้ (คน)"] == str(wanted["members_earning"])
    assert krabi["รายได้เปลี่ยนจากปีก่อน (%)"] == "100.0"
    assert krabi["ใช้จริง"] == "1"
    assert (krabi["เวทีแลกเปลี่ยนเรียนรู้"], krabi["ผู้เข้าร่วมเวที (คน)"]) == ("1", "30")
    total = dict(zip(header, rows[-1], strict=True))
    assert total["กลุ่มที่ยังไม่รายงานผล"] == str(expected(groups_in(world, "81", "82"))["not_reporting"])


def test_no_percent_is_an_empty_cell(client, south, north, krabi, staff_south):
    group = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=0, income=5000)
    factories.ResultFactory(group=group, fiscal_year=YEAR - 1, quarter=0, income=0)
    header, krabi, _total = read_csv(_download(client, staff_south, "csv"))
    row = dict(zip(header, krabi, strict=True))
    assert row["รายได้เปลี่ยนจากปีก่อน (บาท)"] == "5000.00"
    assert row["รายได้เปลี่ยนจากปีก่อน (%)"] == ""


def test_the_xlsx_keeps_numbers_as_numbers(client, world, national_staff):
    sheet = read_xlsx(_download(client, national_staff, "xlsx"))
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    krabi = dict(zip(header, next(row for row in rows if row[0] == "กระบี่"), strict=True))
    assert isinstance(krabi["กลุ่ม"], int)
    assert isinstance(krabi["รายได้ (บาท)"], int | float)
    assert krabi["รายได้ (บาท)"] == float(expected(groups_in(world, "81"))["income"])
    assert rows[-1][0] == "รวม"
    assert {row[0] for row in rows[1:-1]} == {"กระบี่", "พังงา", "เชียงใหม่"}


def test_the_file_names_its_filters(client, world, staff_south):
    response = _download(client, staff_south, "csv", kind="enterprise", province="81")
    name = unquote(response["Content-Disposition"].split("filename*=UTF-8''")[1])
    assert name.startswith("ผลลัพธ์โครงการ-กระบี่-ปีงบประมาณ2569-")
    assert name.endswith(".csv")
    assert str(GroupKind.ENTERPRISE.label).replace(" ", "_") in name
    rows = read_csv(response)[1:]
    assert [row[0] for row in rows] == ["กระบี่", "รวม"]


def test_a_mentor_downloads_their_groups_only(client, world, mentor_user, south):
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=world.groups[3])
    response = _download(client, mentor_user, "csv")
    assert [row[0] for row in read_csv(response)[1:]] == ["พังงา", "รวม"]
    assert "กลุ่มที่ฉันดูแล" in unquote(response["Content-Disposition"])


def test_a_province_name_is_never_run_as_a_formula(client, south, north, staff_south):
    province = factories.ProvinceFactory(code="96", name_th="=HYPERLINK(1)", region=south)
    factories.CommunityGroupFactory(tambon__district__province=province)
    names = [row[0] for row in read_csv(_download(client, staff_south, "csv"))[1:]]
    assert "'=HYPERLINK(1)" in names


def test_the_download_is_in_the_audit_trail(client, world, staff_south, south):
    _download(client, staff_south, "xlsx")
    entry = AuditEntry.objects.latest("pk")
    assert entry.details["what"] == "programme"
    assert entry.region_id == south.pk


@pytest.mark.parametrize("persona", ["leader", "outsider"])
def test_community_people_cannot_download(client, request, group, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/dashboards/programme/export.csv").status_code == 404


def test_a_bad_filter_is_not_a_crash(client, world, staff_south):
    client.force_login(staff_south)
    response = client.get("/dashboards/programme/export.csv", {"fy": "abc"})
    assert response.status_code == 400


def test_another_format_is_404(client, world, staff_south):
    client.force_login(staff_south)
    assert client.get("/dashboards/programme/export.pdf").status_code == 404
