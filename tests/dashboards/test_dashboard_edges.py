"""Fiscal-year edges in Bangkok time, bad filter values, targets and the table's downloads."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from canvases.models import CanvasEvent, CanvasStatus, EventKind
from cbmc_portal.fiscal import BANGKOK, FiscalYear, fiscal_year_of
from dashboards.models import FiscalTarget
from tests import factories

pytestmark = pytest.mark.django_db


def test_fiscal_year_edges_are_midnight_in_bangkok():
    assert fiscal_year_of(datetime.date(2025, 9, 30)) == 2568
    assert fiscal_year_of(datetime.date(2025, 10, 1)) == 2569
    fy = FiscalYear(2569)
    assert fy.first_day == datetime.date(2025, 10, 1)
    assert fy.last_day == datetime.date(2026, 9, 30)
    # 1 October 00:00 in Bangkok is 30 September 17:00 UTC.
    assert fy.starts_at == datetime.datetime(2025, 9, 30, 17, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("local_time", "counted_in"),
    [
        (datetime.datetime(2025, 9, 30, 23, 59, 59, tzinfo=BANGKOK), 2568),
        (datetime.datetime(2025, 10, 1, 0, 0, 0, tzinfo=BANGKOK), 2569),
        (datetime.datetime(2026, 9, 30, 23, 59, 59, tzinfo=BANGKOK), 2569),
        (datetime.datetime(2026, 10, 1, 0, 0, 0, tzinfo=BANGKOK), 2570),
    ],
)
def test_an_approval_counts_in_the_fiscal_year_of_its_bangkok_date(
    client, staff_south, group, local_time, counted_in
):
    canvas = factories.CanvasFactory(group=group, status=CanvasStatus.APPROVED, version_count=1)
    version = factories.CanvasVersionFactory(
        canvas=canvas, number=1, submitted_at=local_time - datetime.timedelta(days=3)
    )
    event = CanvasEvent.objects.create(canvas=canvas, kind=EventKind.APPROVED, version=version)
    CanvasEvent.objects.filter(pk=event.pk).update(at=local_time)
    client.force_login(staff_south)
    factories.tally_canvases()
    for year in (2568, 2569, 2570):
        response = client.get(reverse("dashboards:index"), {"fy": year})
        assert response.context["data"].total.approved_tambons == (1 if year == counted_in else 0)


@pytest.mark.parametrize(
    "params",
    [
        {"fy": "1999"},
        {"fy": "abc"},
        {"sector": "mining"},
        {"kind": "x"},
        {"cohort": "999999"},
        {"cohort": "not-a-number"},
        {"sort": "password"},
        {"figure": "nope"},
        {"province": "ZZ"},
    ],
)
def test_an_unknown_filter_value_answers_a_thai_message_not_a_crash(client, staff_south, params):
    client.force_login(staff_south)
    response = client.get(reverse("dashboards:index"), params)
    assert response.status_code == 400
    assert "ตัวกรองบางค่าใช้ไม่ได้" in response.content.decode()


def test_a_cohort_of_another_region_is_refused(client, staff_south, north):
    cohort = factories.CohortFactory(region=north)
    client.force_login(staff_south)
    response = client.get(reverse("dashboards:index"), {"cohort": cohort.pk})
    assert response.status_code == 400


def test_choosing_a_province_opens_its_page_with_the_filters(client, staff_south, krabi, group):
    client.force_login(staff_south)
    response = client.get(reverse("dashboards:index"), {"province": "81", "sector": "mice"})
    assert response.status_code == 302
    assert response["Location"] == "/dashboards/province/81/?sector=mice"


def test_national_staff_set_targets_and_the_scorecard_follows(
    client, national_staff, staff_south, south, world
):
    client.force_login(national_staff)
    response = client.post(
        reverse("dashboards:targets") + "?fy=2569",
        {"country": "500", f"region_{south.pk}": "40"},
    )
    assert response.status_code == 302
    assert FiscalTarget.objects.get(region=south, fiscal_year=2569).tambons == 40
    assert FiscalTarget.objects.get(region=None, fiscal_year=2569).tambons == 500
    client.force_login(staff_south)
    page = client.get(reverse("dashboards:index"), {"fy": 2569})
    total = page.context["data"].total
    assert total.target == 40
    assert total.approved_tambons == 3
    # 2569 is over: 3 of 40 tambons is far behind.
    assert total.scorecard == "far_behind"
    html = page.content.decode()
    assert "ช้ากว่าเป้ามาก" in html and "เกณฑ์" in html
    # Provinces share the region's target by their tambons (Krabi 3 of 4, Phang Nga 1 of 4).
    rows = {row.name: row for row in page.context["data"].rows}
    assert rows["กระบี่"].target == pytest.approx(30)
    assert rows["พังงา"].target == pytest.approx(10)


def test_the_table_downloads_as_csv_and_xlsx_with_the_filters_in_the_name(
    client, staff_south, world
):
    client.force_login(staff_south)
    page = client.get(reverse("dashboards:index"), {"fy": 2569, "sector": "community_tourism"})
    urls = page.context["export_urls"]
    response = client.get(urls["csv"])
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "2569" in disposition
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "พื้นที่"
    assert rows[-1][0] == "รวม"
    shown = {row.name: row for row in page.context["data"].rows}
    assert int(rows[1][1]) == shown[rows[1][0]].groups
    assert int(rows[-1][1]) == page.context["data"].total.groups

    response = client.get(urls["xlsx"])
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    values = list(sheet.values)
    assert values[0][0] == "พื้นที่"
    assert values[-1][0] == "รวม"
    assert values[-1][1] == page.context["data"].total.groups


def test_a_table_download_is_recorded_and_the_canvases_export_is_linked(
    client, national_staff, south, world
):
    from accounts.models import AuditEntry

    client.force_login(national_staff)
    page = client.get(reverse("dashboards:index"), {"fy": 2569, "region": "south"})
    response = client.get(page.context["export_urls"]["xlsx"])
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="export")
    assert entry.region_id == south.pk and entry.actor == national_staff
    canvases_url = page.context["canvas_export_urls"]["csv"]
    assert canvases_url.endswith("?region=south")
    assert client.get(canvases_url).status_code == 200
