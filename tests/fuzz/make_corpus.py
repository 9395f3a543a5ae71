#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets (tests/fuzz/corpus/TARGET/) from the fixtures.

Seeds are small (AFL works best under a few KB): the first lines of real inputs, one value per field parser, the
smallest workbooks. Run from the repository root; the same fixtures give the same files.
"""
import io
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")


def read(*path):
    with open(os.path.join(ROOT, *path), "rb") as f:
        return f.read()


def head(data, lines, limit=2048):
    return b"".join(data.splitlines(keepends=True)[:lines])[:limit]


def write(target, name, data):
    os.makedirs(os.path.join(OUT, target), exist_ok=True)
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


sample = ("fixtures", "sample-project")
csv_seeds = {
    "bank": head(read(*sample, "bank.csv"), 6),
    "workers": head(read(*sample, "workers.csv"), 4),
    "attendance": head(read(*sample, "attendance.csv"), 6),
    "payroll": head(read(*sample, "payroll.csv"), 4),
    "batches": head(read(*sample, "batches.csv"), 4),
    "calendar": head(read(*sample, "calendar.csv"), 4),
    "quoted": head(read("fixtures", "rules", "quoted-fields", "bank.csv"), 8),
    "tab": head(read("fixtures", "rules", "tab-separated", "bank.csv"), 6),
    "gb18030": head(read("fixtures", "rules", "encoding-gb18030", "bank.csv"), 6),
    "preamble-gb18030": head(read("fixtures", "exports", "spdb-corporate-gb18030-csv", "bank.csv"), 9),
    "combined": head(read("fixtures", "exports", "cmb-combined-counterparty-csv", "bank.csv"), 8),
    "debit-card": head(read("fixtures", "exports", "boc-debit-card-csv", "bank.csv"), 8),
}
for name, data in csv_seeds.items():
    write("csv", name + ".csv", data)

# readers: the first byte picks the reader (byte % 6: bank, workers, attendance, payroll, batches, calendar; +0x80 sets the project account).
kinds = ["bank", "workers", "attendance", "payroll", "batches", "calendar"]
for i, kind in enumerate(kinds):
    write("readers", kind + ".csv", bytes([i]) + csv_seeds[kind])
write("readers", "bank-quoted.csv", bytes([0]) + csv_seeds["quoted"])
write("readers", "bank-tab.csv", bytes([0]) + csv_seeds["tab"])
write("readers", "bank-preamble-gb18030.csv", bytes([0x80]) + csv_seeds["preamble-gb18030"])
write("readers", "bank-combined.csv", bytes([0]) + csv_seeds["combined"])
write("readers", "bank-debit-card.csv", bytes([0]) + csv_seeds["debit-card"])
write("readers", "bank-layout-b.csv", bytes([0]) + head(read("fixtures", "rules", "bank-layout-b", "bank.csv"), 6))
write("readers", "bank-layout-c.csv", bytes([0]) + head(read("fixtures", "rules", "bank-layout-c", "bank.csv"), 6))

# fields: the first byte picks the parser (byte % 14, see FuzzTargets.Fields).
fields = [
    (0, ["1234.50", "-12.3", "+10000.00", "CNY 123.18", "12.00元", "¥1,234.50", "12.345", "1,2,3", "92233720368547758.07"]),
    (1, ["2024-03-31", "2024/3/1", "20240301", "2024年3月1日", "2024-02-30"]),
    (2, ["2024-03-31 17:22:15", "2024-03-31T08:00", "20260101013555", "2025/12/03  14:06:51"]),
    (3, ["2024-03-31", "2024-03-31 08:00:00"]),
    (4, ["17:22:15", "123456", "0805", "8:05"]),
    (5, ["2024-03", "202403", "2024年3月"]),
    (6, ["410102199001011234", "11010519491231002X", "110105194912310"]),
    (7, ["2024年3月工资", "3月工资", "代发202403工资", "工资 2024-3"]),
    (8, ["借", "贷 Cr", "Dr", "支出", "交易成功", "已冲正", "进", "out"]),
    (9, ["daily", "月薪", "成功", "holiday", "21", "22.5"]),
    (10, ["6222021234567890123 张三", "张三/6222021234567890123"]),
    (11, ["账　　号：6222****1234", "起止日期：20260101-20260331"]),
    (12, ["合计", "共 5 笔", "-------", "张·三"]),
    (13, ["6222021234567890123", "某某劳务有限公司", "退汇"]),
]
for selector, values in fields:
    for j, value in enumerate(values):
        write("fields", f"{selector:02d}-{j}", bytes([selector]) + value.encode("utf-8"))

for name in ["rows.xlsx", "rows.xls", "values.xlsx", "values.xls"]:
    write("workbook", name, read("fixtures", "workbooks", name))


def stored_xlsx(parts):
    """An .xlsx of the given parts, stored uncompressed (so the fuzzer's byte mutations reach the XML), dated 1980."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def xlsx_parts(name, keep=("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml")):
    with zipfile.ZipFile(os.path.join(ROOT, "fixtures", "workbooks", name)) as z:
        return [(part, z.read(part)) for part in keep]


# The .xlsx fixtures stored (their theme and document properties, which no reader looks at, left out), and a small
# workbook of shared strings with rich text runs and a hidden second sheet before the visible one.
write("workbook", "rows-stored.xlsx", stored_xlsx(xlsx_parts("rows.xlsx")))
write("workbook", "values-stored.xlsx", stored_xlsx(xlsx_parts("values.xlsx")))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
write("workbook", "shared-strings-stored.xlsx", stored_xlsx([
    ("xl/workbook.xml", f'<workbook {NS} {REL}><sheets><sheet name="notes" sheetId="2" state="hidden" r:id="rId2"/>'
                        f'<sheet name="交易明细" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode()),
    ("xl/_rels/workbook.xml.rels", b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                   b'<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>'),
    ("xl/sharedStrings.xml", f'<sst {NS}><si><t>交易日期</t></si><si><r><t>借贷</t></r><r><rPr><b/></rPr><t>标志</t></r></si><si><t>交易金额</t></si>'
                             f'<si><t xml:space="preserve">对方户名 </t></si><si><t>借</t></si><si><t><![CDATA[某某劳务有限公司]]></t></si></sst>'.encode()),
    ("xl/styles.xml", f'<styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
                      f'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'.encode()),
    ("xl/worksheets/sheet1.xml", f'<worksheet {NS}><dimension ref="A1:D3"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                                 f'<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" s="1"><v>45383</v></c><c r="B2" t="s"><v>4</v></c>'
                                 f'<c r="C2"><v>1234.5</v></c><c r="D2" t="s"><v>5</v></c></row><row r="3"><c r="A3" t="d"><v>2024-04-02</v></c>'
                                 f'<c r="B3" t="inlineStr"><is><t>贷</t></is></c><c r="C3" t="str"><v>12.00</v></c><c r="D3" t="e"><v>#N/A</v></c></row></sheetData></worksheet>'.encode()),
    ("xl/worksheets/sheet2.xml", f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>备</t></r><r><t>注</t></r></is></c></row></sheetData></worksheet>'.encode()),
]))
write("workbook", "html-table.xls", head(read("fixtures", "exports", "bocom-webbank-html-xls", "bank.xls"), 40, 4096))

write("project", "sample.json", read(*sample, "project.json"))
write("project", "minimal.json", b'{"code":"X-1"}')
write("project", "gen.json", read("fixtures", "rules", "late", "project.json"))
