"""The CSV and XLSX writers every dashboard export goes through."""

import csv
import datetime
import io
import types
from decimal import Decimal
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy

from dashboards import exports

HEADERS = ["กลุ่ม", "จำนวน", "วันที่ส่ง"]
INJECTIONS = ["=1+2", "+66812345678", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"]
UTC = datetime.UTC


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read Thai as UTF-8"
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline="")))


def read_xlsx(response):
    body = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(body)).active


# --- CSV ---------------------------------------------------------------------


def test_csv_reads_back_with_thai_text_intact():
    rows = [["กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้", 12, datetime.date(2026, 12, 1)]]
    table = read_csv(exports.csv_response("groups.csv", HEADERS, rows))
    assert table == [HEADERS, ["กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้", "12", "2026-12-01"]]


def test_csv_neutralises_every_formula_trigger_in_strings():
    table = read_csv(exports.csv_response("x.csv", ["ข้อความ"], [[text] for text in INJECTIONS]))
    assert [row[0] for row in table[1:]] == ["'" + text for text in INJECTIONS]


def test_csv_neutralises_a_header_and_a_lazy_translation_too():
    table = read_csv(exports.csv_response("x.csv", ["=HYPERLINK()"], [[gettext_lazy("=x")]]))
    assert table == [["'=HYPERLINK()"], ["'=x"]]


def test_csv_keeps_numbers_as_numbers_and_a_negative_number_unquoted():
    rows = [[-5, 2.5, Decimal("-0.25"), None, "ปกติ"]]
    table = read_csv(exports.csv_response("x.csv", ["a", "b", "c", "d", "e"], rows))
    assert table[1] == ["-5", "2.5", "-0.25", "", "ปกติ"]


def test_csv_writes_aware_datetimes_in_bangkok_time():
    moment = datetime.datetime(2026, 9, 30, 17, 30, tzinfo=UTC)
    table = read_csv(exports.csv_response("x.csv", ["เมื่อ"], [[moment]]))
    assert table[1] == ["2026-10-01 00:30:00"]


def test_csv_keeps_line_breaks_and_commas_inside_a_cell():
    text = 'บรรทัดแรก, "มีจุลภาค"\nบรรทัดสอง'
    assert read_csv(exports.csv_response("x.csv", ["ข้อความ"], [[text]]))[1] == [text]


def test_csv_streams_from_a_generator_without_reading_rows_ahead():
    consumed = []

    def rows():
        for n in range(3):
            consumed.append(n)
            yield [n]

    response = exports.csv_response("x.csv", ["n"], rows())
    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    assert isinstance(response._iterator, types.GeneratorType)
    assert consumed == [], "no row is read before the response is sent"
    chunks = iter(response.streaming_content)
    assert next(chunks).startswith(b"\xef\xbb\xbfn")
    assert consumed == [], "the header line leaves before the first row is read"
    list(chunks)
    assert consumed == [0, 1, 2]


def test_csv_sends_large_exports_in_several_chunks(monkeypatch):
    monkeypatch.setattr(exports, "CSV_CHUNK_CHARS", 100)
    rows = ([n, "ข้อความยาวพอสมควร"] for n in range(50))
    response = exports.csv_response("x.csv", ["n", "t"], rows)
    chunks = list(response.streaming_content)
    assert len(chunks) > 10
    assert len(read_csv(exports.csv_response("x.csv", ["n"], ([n] for n in range(50))))) == 51


def test_csv_headers_name_the_file_with_an_ascii_fallback_and_the_thai_name():
    response = exports.csv_response("แผน-ภาคใต้-2569.csv", ["a"], [])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="')
    fallback = disposition.split('filename="')[1].split('"')[0]
    assert fallback.isascii() and fallback.endswith(".csv")
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "แผน-ภาคใต้-2569.csv"


def test_an_ascii_file_name_is_sent_as_is():
    response = exports.csv_response("canvases-south-2569-12-01.csv", ["a"], [])
    assert response["Content-Disposition"] == (
        'attachment; filename="canvases-south-2569-12-01.csv"'
    )


@pytest.mark.parametrize(
    ("filename", "fallback"),
    [
        ("แผน.csv", "export.csv"),
        ('a"b;c.xlsx', "a-b-c.xlsx"),
        ("ภาคใต้ south.csv", "south.csv"),
    ],
)
def test_the_ascii_fallback_is_always_a_safe_name(filename, fallback):
    assert f'filename="{fallback}"' in exports.content_disposition(filename)


# --- XLSX --------------------------------------------------------------------


def test_xlsx_reads_back_with_thai_headers_numbers_and_dates():
    rows = [
        ["กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้", -5, datetime.date(2026, 12, 1)],
        ["กลุ่มสอง", 2.5, datetime.datetime(2026, 9, 30, 17, 30, tzinfo=UTC)],
        ["กลุ่มสาม", Decimal("3"), None],
    ]
    sheet = read_xlsx(exports.xlsx_response("แผน.xlsx", HEADERS, rows))
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == tuple(HEADERS)
    assert values[1] == ("กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้", -5, datetime.datetime(2026, 12, 1))
    assert values[2][1] == 2.5
    # Excel has no time zones: the Bangkok wall-clock time, a real date cell.
    assert values[2][2] == datetime.datetime(2026, 10, 1, 0, 30)
    assert values[3] == ("กลุ่มสาม", 3, None)
    assert sheet["B2"].data_type == "n"
    assert sheet["C2"].is_date and sheet["C3"].is_date


def test_xlsx_has_a_bold_frozen_header_row():
    sheet = read_xlsx(exports.xlsx_response("x.xlsx", HEADERS, [["ก", 1, None]]))
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold


def test_xlsx_stores_formula_like_text_as_quoted_text_never_a_formula():
    sheet = read_xlsx(exports.xlsx_response("x.xlsx", ["ข้อความ"], [[t] for t in INJECTIONS]))
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # The text exactly as written (lxml escapes a carriage return, so it is kept too).
    assert [cell.value for cell in cells] == INJECTIONS
    assert all(cell.data_type == "s" for cell in cells)
    assert all(cell.quotePrefix for cell in cells)


def test_xlsx_drops_control_characters_the_format_cannot_hold():
    sheet = read_xlsx(exports.xlsx_response("x.xlsx", ["t"], [["ก\x00ข\x1fค\tง"]]))
    assert sheet["A2"].value == "กขค\tง"


def test_xlsx_is_a_file_response_with_both_file_names():
    response = exports.xlsx_response("แผน-ภาคใต้.xlsx", ["a"], iter([[1]]))
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    response.file_to_stream.close()  # the temporary file, deleted on close


def test_xlsx_sheet_title_is_a_name_excel_accepts():
    assert exports._sheet_title("a/b:c*d?e[f]" + "x" * 40 + ".xlsx") == ("a-b-c-d-e-f-" + "x" * 19)


def test_excel_datetime_keeps_naive_values():
    naive = datetime.datetime(2026, 1, 1, 8, 0)
    assert exports.excel_datetime(naive) is naive
    aware = datetime.datetime(2026, 1, 1, 8, 0, tzinfo=ZoneInfo("Asia/Bangkok"))
    assert exports.excel_datetime(aware) == naive
