"""CSV and XLSX downloads of any table: Thai that Excel shows, no formula injection, no big memory.

Every dashboard table and the canvases export answer through these two
functions. Both take the rows as an iterable (a queryset's `.iterator()` or
a generator) and never hold the whole file in memory:

- `csv_response` streams: the rows are read and written one chunk at a time
  while the response is sent, so the first byte leaves before the last row is
  read.
- `xlsx_response` writes with openpyxl's write-only mode into a temporary
  file (openpyxl keeps only the current row), then streams that file.

A cell that is a string starting with `=`, `+`, `-`, `@`, a tab or a carriage
return would run as a formula when the file is opened in a spreadsheet
(OWASP "CSV injection"). In CSV such a string is prefixed with `'`, as OWASP
recommends. In XLSX the same text is stored as a string with Excel's own
"quote prefix" (what Excel writes when someone types `'=...`): the text stays
exactly as written and is never evaluated. Numbers are never touched: -5 stays
the number -5.
"""

import csv
import datetime
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.http import FileResponse, StreamingHttpResponse
from django.utils.functional import Promise

# Cells starting with one of these are read as a formula by spreadsheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel has no time zones: aware datetimes are written as the wall-clock time here.
EXCEL_TIME_ZONE = ZoneInfo("Asia/Bangkok")
# Rows are sent to the client in pieces of about this many characters.
CSV_CHUNK_CHARS = 32 * 1024
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel refuses sheet names longer than 31 characters or holding any of these.
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Control characters that the XLSX format cannot hold (tab, newline and CR can).
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise(value):
    """A string a spreadsheet would run as a formula, prefixed with `'`; anything else as is."""
    if isinstance(value, Promise):
        value = str(value)
    if is_formula_like(value):
        return "'" + value
    return value


def excel_datetime(value: datetime.datetime) -> datetime.datetime:
    """An aware datetime as the naive wall-clock time in Bangkok (naive ones are kept)."""
    if value.tzinfo is None:
        return value
    return value.astimezone(EXCEL_TIME_ZONE).replace(tzinfo=None)


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the real (Thai) name per RFC 5987/6266."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    ascii_name = _FILENAME_UNSAFE.sub("-", ascii_name).strip("-.")
    stem, dot, extension = filename.rpartition(".")
    if not ascii_name or ascii_name == extension or ascii_name.startswith("."):
        ascii_name = f"export.{extension}" if dot else "export"
    header = f'attachment; filename="{ascii_name}"'
    if ascii_name != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


# --- CSV ---------------------------------------------------------------------


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return excel_datetime(value).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


class _Line:
    """A file-like object whose `write` returns what it is given, for csv.writer."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(headers: Sequence, rows: Iterable[Sequence]) -> Iterator[str]:
    """The BOM and header line first, then the rows in pieces of about `CSV_CHUNK_CHARS`."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([_csv_cell(header) for header in headers])
    buffer: list[str] = []
    size = 0
    for row in rows:
        line = writer.writerow([_csv_cell(value) for value in row])
        buffer.append(line)
        size += len(line)
        if size >= CSV_CHUNK_CHARS:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def csv_response(filename: str, headers: list[str], rows: Iterable[Sequence]):
    """A streamed CSV download: UTF-8 with BOM (Excel then reads Thai), cells neutralised.

    `rows` is consumed while the response is sent, so pass an iterator (e.g.
    `queryset.iterator(chunk_size=2000)` or a generator over it), never a list
    of 40,000 rows; anything it needs from the request (the language, labels)
    must be evaluated before.
    """
    headers = [str(header) for header in headers]
    response = StreamingHttpResponse(csv_chunks(headers, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "no-store"
    return response


# --- XLSX --------------------------------------------------------------------


def _sheet_title(filename: str) -> str:
    stem = filename.rsplit(".", 1)[0]
    return (_SHEET_TITLE_FORBIDDEN.sub("-", stem)[:31]) or "Sheet1"


def _xlsx_value(sheet, value):
    """The value as openpyxl writes it; a cell object only for text that looks like a formula
    (plain values let write-only mode reuse one cell, which keeps 40,000 rows fast)."""
    if isinstance(value, str):
        if not value:
            return None  # an empty cell is left out of the sheet altogether
        value = _XLSX_ILLEGAL.sub("", value)
        if value.startswith(FORMULA_TRIGGERS):
            return _quoted_text_cell(sheet, value)
        return value
    if isinstance(value, Promise):
        return _xlsx_value(sheet, str(value))
    if isinstance(value, datetime.datetime):
        return excel_datetime(value)
    return value


def _quoted_text_cell(sheet, text):
    """Stored as text, shown as typed, never evaluated (Excel's own `'` prefix)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def xlsx_response(filename: str, headers: list[str], rows: Iterable[Sequence]):
    """An XLSX download: bold frozen header row, numbers as numbers, dates as Excel dates.

    Written row by row with openpyxl's write-only mode into a temporary file
    that is streamed and deleted once sent; `rows` is consumed before this
    returns.
    """
    # openpyxl is imported only when a workbook is asked for: the CSV path and the
    # URLconf never need it.
    from openpyxl import Workbook
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(filename))
    sheet.freeze_panes = "A2"
    headers = [str(header) for header in headers]
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(header) + 4, 40))
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = _xlsx_value(sheet, header)
        if not isinstance(cell, Cell):
            cell = WriteOnlyCell(sheet, value=cell)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_value(sheet, value) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes (and so deletes) it
    workbook.save(output)
    output.seek(0)
    response = FileResponse(output, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "no-store"
    return response
