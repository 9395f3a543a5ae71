#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets (tests/fuzz/corpus/TARGET/) from the fixtures.

Seeds are small (AFL works best under a few KB): the first lines of real inputs, one value per field parser, the
smallest workbooks. Run from the repository root; the same fixtures give the same files.
"""
import os

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
write("workbook", "html-table.xls", head(read("fixtures", "exports", "bocom-webbank-html-xls", "bank.xls"), 40, 4096))

write("project", "sample.json", read(*sample, "project.json"))
write("project", "minimal.json", b'{"code":"X-1"}')
write("project", "gen.json", read("fixtures", "rules", "late", "project.json"))
