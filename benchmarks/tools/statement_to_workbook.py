#!/usr/bin/env python3
"""Writes a bank statement CSV as a typed .xlsx worksheet, or as the HTML table web banking saves as .xls.

    statement_to_workbook.py IN.csv OUT.xlsx [ROWS]     # openpyxl (Debian python3-openpyxl), write-only mode
    statement_to_workbook.py IN.csv OUT.html [ROWS]     # <table>, one <tr> per line, entities escaped

Cells are typed as a bank's export types them: amount and balance as numbers (format #,##0.00), time as a
date-time cell (yyyy-mm-dd hh:mm:ss), everything else as text. ROWS limits the data rows (the header is kept).
"""
from __future__ import annotations

import csv
import html
import sys
from datetime import datetime


def rows(path: str, limit: int | None):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        yield next(reader)
        for i, row in enumerate(reader):
            if limit is not None and i >= limit:
                break
            yield row


def to_xlsx(src: str, dst: str, limit: int | None) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("交易明细")
    it = rows(src, limit)
    header = next(it)
    ws.append(header)
    kinds = ["number" if h in ("amount", "balance") else "time" if h == "time" else "text" for h in header]
    for row in it:
        out = []
        for kind, text in zip(kinds, row):
            if text == "":
                out.append(None)
            elif kind == "number":
                cell = WriteOnlyCell(ws, value=float(text.replace(",", "")))
                cell.number_format = "#,##0.00"
                out.append(cell)
            elif kind == "time":
                cell = WriteOnlyCell(ws, value=datetime.strptime(text, "%Y-%m-%d %H:%M:%S"))
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
                out.append(cell)
            else:
                out.append(text)
        ws.append(out)
    wb.save(dst)


def to_html(src: str, dst: str, limit: int | None) -> None:
    with open(dst, "w", encoding="utf-8") as out:
        out.write('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\n<table border="1">\n')
        for row in rows(src, limit):
            out.write("<tr>" + "".join(f"<td>{html.escape(v) or '&nbsp;'}</td>" for v in row) + "</tr>\n")
        out.write("</table></body></html>\n")


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    (to_html if dst.endswith((".html", ".htm")) else to_xlsx)(src, dst, limit)


if __name__ == "__main__":
    main()
