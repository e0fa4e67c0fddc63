"""The canvases export: one row per canvas in the user's scope, as CSV and XLSX."""

import csv
import datetime
import io
import types

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditAction, AuditEntry
from canvases.blocks import BLOCKS
from canvases.models import CanvasStatus
from dashboards import canvas_export
from tests import factories

# The canvases' personas and states (canvas, submitted_canvas, assigned_mentor…).
from tests.canvases.conftest import *  # noqa: F403

pytestmark = pytest.mark.django_db

CSV_URL = reverse("dashboards:export_canvases_csv")
XLSX_URL = reverse("dashboards:export_canvases_xlsx")
HEADER_COUNT = 11 + len(BLOCKS)
# Columns of a row, by header position.
GROUP, KIND, SECTORS, TAMBON, DISTRICT, PROVINCE, REGION, TITLE, STATE, NUMBER, SUBMITTED = range(
    11
)


def csv_table(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline="")))


def xlsx_rows(response) -> list[tuple]:
    body = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return list(sheet.iter_rows(values_only=True))


def export(client, user, url=CSV_URL, **params):
    if user is not None:
        client.force_login(user)
    return client.get(url, params)


def titles(table) -> set[str]:
    return {row[TITLE] for row in table[1:]}


@pytest.fixture
def northern_canvas(north):
    province = factories.ProvinceFactory(region=north, name_th="เชียงราย")
    group = factories.CommunityGroupFactory(tambon__district__province=province)
    return factories.CanvasFactory(group=group, title="ชาดอยแม่สลอง")


# --- what a row holds ---------------------------------------------------------


def test_a_row_holds_the_group_place_state_and_the_latest_version(
    client, staff_south, resubmitted_canvas, group
):
    group.kind = "enterprise"
    group.sectors = ["community_tourism", "food_processing"]
    group.save()
    table = csv_table(export(client, staff_south))
    assert len(table[0]) == HEADER_COUNT
    assert table[0][:3] == ["กลุ่ม", "ประเภทกลุ่ม", "ประเภทกิจการ"]
    assert table[0][11:] == [str(block.title) for block in BLOCKS]
    (row,) = table[1:]
    assert row[: NUMBER + 1] == [
        "กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้",
        "วิสาหกิจชุมชน",
        "ท่องเที่ยวชุมชน, แปรรูปอาหาร",
        "อ่าวลึกใต้",
        "อ่าวลึก",
        "กระบี่",
        "ภาคใต้",
        "ล่องคลองมะรุย",
        "ส่งแล้ว รอพิจารณา",
        "2",
    ]
    latest = resubmitted_canvas.versions.get(number=2)
    assert row[SUBMITTED] == timezone.localdate(latest.submitted_at).isoformat()
    blocks = dict(zip([block.key for block in BLOCKS], row[11:], strict=True))
    assert blocks["channels"] == "เพจเฟซบุ๊กและไลน์ของกลุ่ม", "version 2's text, not version 1's"
    assert blocks["customer_segments"] == factories.THAI_BLOCKS["customer_segments"]


def test_a_canvas_never_submitted_has_its_row_with_empty_version_columns(
    client, staff_south, filled_canvas
):
    (row,) = csv_table(export(client, staff_south))[1:]
    assert row[STATE] == "ฉบับร่าง"
    assert row[NUMBER:] == [""] * (HEADER_COUNT - NUMBER), "the draft's texts are not exported"


def test_texts_that_look_like_formulas_are_neutralised_in_csv(client, staff_south, group):
    canvas = factories.CanvasFactory(group=group, title="=HYPERLINK(1)", version_count=1)
    factories.CanvasVersionFactory(
        canvas=canvas, number=1, blocks={"channels": "+66 81 234 5678", "cost_structure": "-5"}
    )
    (row,) = csv_table(export(client, staff_south))[1:]
    assert row[TITLE] == "'=HYPERLINK(1)"
    blocks = dict(zip([block.key for block in BLOCKS], row[11:], strict=True))
    assert blocks["channels"] == "'+66 81 234 5678"
    assert blocks["cost_structure"] == "'-5"
    assert row[NUMBER] == "1", "numbers are not prefixed"


def test_the_xlsx_holds_the_same_rows_with_numbers_and_dates(client, staff_south, submitted_canvas):
    rows = xlsx_rows(export(client, staff_south, XLSX_URL))
    assert len(rows) == 2 and len(rows[0]) == HEADER_COUNT
    assert rows[0][0] == "กลุ่ม"
    row = rows[1]
    assert row[TITLE] == "ล่องคลองมะรุย"
    assert row[NUMBER] == 1
    version = submitted_canvas.versions.get()
    assert row[SUBMITTED] == datetime.datetime.combine(
        timezone.localdate(version.submitted_at), datetime.time()
    )
    assert row[11] == factories.THAI_BLOCKS[BLOCKS[0].key]


def test_the_csv_is_streamed_from_a_generator(client, staff_south, canvas):
    response = export(client, staff_south)
    assert response.streaming
    assert isinstance(response._iterator, types.GeneratorType)
    with pytest.raises(AttributeError):
        response.content  # noqa: B018 - a streamed body is never built whole


def test_the_file_name_says_the_filters_and_the_buddhist_era_date(
    client, national_staff, south, krabi, canvas
):
    today = timezone.localdate()
    date = f"{today.year + 543}-{today:%m-%d}"
    response = export(client, national_staff, region="south", status="approved")
    assert f'filename="canvases-south-approved-{date}.csv"' in response["Content-Disposition"]
    response = export(client, national_staff, XLSX_URL, province="81")
    assert f'filename="canvases-81-{date}.xlsx"' in response["Content-Disposition"]
    response = export(client, national_staff)
    assert f'filename="canvases-{date}.csv"' in response["Content-Disposition"]


def test_regional_staff_files_are_named_after_their_region(client, staff_south, canvas):
    response = export(client, staff_south)
    assert 'filename="canvases-south-' in response["Content-Disposition"]


def test_every_export_is_recorded_in_the_audit_trail(client, staff_south, south, canvas):
    export(client, staff_south, XLSX_URL, status="draft")
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.actor == staff_south
    assert entry.region_id == south.pk
    assert entry.details == {
        "what": "canvases",
        "format": "xlsx",
        "filters": {"region": "south", "province": "", "status": "draft"},
    }


# --- who gets what -------------------------------------------------------------


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_anonymous_users_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("persona", ["leader", "member", "outsider"])
@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_community_users_get_404(client, request, canvas, persona, url):
    assert export(client, request.getfixturevalue(persona), url).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize(
    ("persona", "sees_the_southern_canvas", "sees_the_northern_canvas"),
    [
        ("assigned_mentor", True, False),
        ("unassigned_mentor", False, False),
        ("staff_south", True, False),
        ("staff_other_region", False, True),
        ("national_staff", True, True),
    ],
)
def test_each_persona_exports_only_their_scope(
    client,
    request,
    canvas,
    northern_canvas,
    persona,
    sees_the_southern_canvas,
    sees_the_northern_canvas,
):
    user = request.getfixturevalue(persona)
    response = export(client, user)
    assert response.status_code == 200
    exported = titles(csv_table(response))
    assert (canvas.title in exported) is sees_the_southern_canvas
    assert (northern_canvas.title in exported) is sees_the_northern_canvas


def test_the_unassigned_mentor_exports_the_group_they_follow_today(client, unassigned_mentor):
    followed = unassigned_mentor.mentor_profile.assignments.get(ends_on__isnull=True).group
    factories.CanvasFactory(group=followed, title="แผนของกลุ่มที่ดูแลอยู่")
    assert titles(csv_table(export(client, unassigned_mentor))) == {"แผนของกลุ่มที่ดูแลอยู่"}


def test_national_staff_narrow_to_a_region_a_province_and_a_state(
    client, national_staff, canvas, approved_canvas, northern_canvas, krabi
):
    assert titles(csv_table(export(client, national_staff, region="north"))) == {"ชาดอยแม่สลอง"}
    assert titles(csv_table(export(client, national_staff, province="81"))) == {"ล่องคลองมะรุย"}
    table = csv_table(export(client, national_staff, status=CanvasStatus.APPROVED))
    assert [row[STATE] for row in table[1:]] == ["ผ่านการพิจารณา"]
    assert csv_table(export(client, national_staff, status=CanvasStatus.SUBMITTED))[1:] == []


def test_a_mentor_can_narrow_their_groups_by_state(client, assigned_mentor, submitted_canvas):
    assert len(csv_table(export(client, assigned_mentor, status="submitted"))) == 2
    assert len(csv_table(export(client, assigned_mentor, status="draft"))) == 1


# --- bad filters ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "params", "message"),
    [
        ("national_staff", {"region": "atlantis"}, "ไม่พบภาคนี้"),
        ("staff_south", {"region": "north"}, "ไม่พบภาคนี้"),
        ("national_staff", {"province": "99"}, "ไม่พบจังหวัดนี้"),
        ("staff_other_region", {"province": "81"}, "ไม่พบจังหวัดนี้"),
        ("national_staff", {"region": "north", "province": "81"}, "ไม่อยู่ในภาคที่เลือก"),
        ("national_staff", {"status": "lost"}, "ไม่มีสถานะแผนนี้"),
        ("assigned_mentor", {"status": "'; DROP TABLE"}, "ไม่มีสถานะแผนนี้"),
        ("national_staff", {"province": "8" * 300}, "ไม่พบจังหวัดนี้"),
    ],
)
@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_an_unknown_or_forbidden_filter_answers_400_in_thai(
    client, request, krabi, north, canvas, persona, params, message, url
):
    response = export(client, request.getfixturevalue(persona), url, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_exports_answer_only_get(client, staff_south):
    client.force_login(staff_south)
    assert client.post(CSV_URL).status_code == 405


# --- a fixed number of queries ---------------------------------------------------


def _southern_canvases(group, count):
    for n in range(count):
        canvas = factories.CanvasFactory(group=group, version_count=n % 3, title=f"แผน {n:03d}")
        for number in range(1, n % 3 + 1):
            factories.CanvasVersionFactory(canvas=canvas, number=number)


def _queries_for_export(client, user, url, **params):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
        body = b"".join(response.streaming_content)
    return len(queries), body


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize(
    ("persona", "params", "expected"),
    [
        # Session, user, the staff's region, the audit entry, the export query.
        ("staff_south", {}, 6),
        # Session, user, the region and province filters, the audit entry, the export query.
        ("national_staff", {"region": "south", "province": "81", "status": "draft"}, 6),
        # Session, user, the audit entry, the export query.
        ("assigned_mentor", {}, 4),
    ],
)
def test_the_export_costs_the_same_queries_for_5_and_50_canvases(
    client, request, group, krabi, persona, params, expected, url
):
    user = request.getfixturevalue(persona)
    _southern_canvases(group, 5)
    small, _body = _queries_for_export(client, user, url, **params)
    _southern_canvases(group, 45)
    large, body = _queries_for_export(client, user, url, **params)
    assert small == large == expected
    if url == CSV_URL and not params:
        assert body.count(b"\n") >= 51


def test_the_latest_version_is_a_left_join_on_its_number(group, staff_south):
    sql = str(canvas_export.canvases_for_export(staff_south).query)
    assert 'LEFT OUTER JOIN "canvases_canvasversion" latest' in sql
    assert '"canvases_canvas"."version_count"' in sql


def test_the_rows_are_read_through_a_chunked_iterator(group, staff_south, canvas):
    values = canvas_export.canvases_for_export(staff_south)
    chunk_sizes = []

    class Spy:
        def iterator(self, chunk_size):
            chunk_sizes.append(chunk_size)
            return values.iterator(chunk_size=chunk_size)

    rows = canvas_export.canvas_export_rows(Spy())
    assert chunk_sizes == [], "nothing is read before the file is written"
    assert len(list(rows)) == 1
    assert chunk_sizes == [2000]
