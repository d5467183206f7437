"""Bank bulk-transfer files: a pluggable layout (formatter) per bank. No Django import.

Layout "ieum-csv-v1" (shipped; UTF-8, comma-separated, one record per line, CRLF):

    H,<batch reference>,<value date YYYYMMDD>,<declared count>,<declared total in KRW>
    D,<sequence from 1>,<bank code, 3 digits>,<account number, digits>,<account holder>,<amount KRW>,<key>
    T,<count>,<total in KRW>

The bank answers with a result file of the same family, possibly partial (any subset of lines,
in any order, several files per batch):

    R,<key>,<amount KRW>,<OK | FAIL | RETURN>,<bank's message>

`<key>` is the payment's idempotency key: the bank pays a key at most once. A header line
`H,...` in the result file is allowed and ignored. A new bank's layout is a class with the same
three members, registered in LAYOUTS.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class TransferRow:
    bank_code: str
    account: str
    holder: str
    amount: int
    key: str


@dataclass(frozen=True)
class ResultRow:
    line_no: int
    key: str
    amount: int | None
    result: str  # "OK", "FAIL", "RETURN" or whatever the bank wrote
    message: str


class BadResultFile(ValueError):
    pass


class Layout(Protocol):
    name: str

    def render(self, *, reference: str, value_date: dt.date, rows: list[TransferRow]) -> bytes: ...

    def parse_result(self, data: bytes) -> list[ResultRow]: ...


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (= + - @ get a leading apostrophe)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class IeumCsvV1:
    name = "ieum-csv-v1"

    def render(self, *, reference: str, value_date: dt.date, rows: list[TransferRow]) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        total = sum(r.amount for r in rows)
        writer.writerow(["H", reference, value_date.strftime("%Y%m%d"), len(rows), total])
        for seq, row in enumerate(rows, start=1):
            writer.writerow(
                ["D", seq, row.bank_code, row.account, safe_cell(row.holder), row.amount, row.key]
            )
        writer.writerow(["T", len(rows), total])
        return out.getvalue().encode("utf-8")

    def parse_result(self, data: bytes) -> list[ResultRow]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadResultFile("not UTF-8") from None
        rows: list[ResultRow] = []
        for line_no, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
            if not cells or not "".join(cells).strip() or cells[0] in ("H", "T"):
                continue
            if cells[0] != "R" or len(cells) < 4:
                rows.append(
                    ResultRow(line_no, cells[1].strip() if len(cells) > 1 else "", None, "", "malformed")
                )
                continue
            try:
                amount: int | None = int(cells[2])
            except ValueError:
                amount = None
            message = cells[4].strip() if len(cells) > 4 else ""
            rows.append(ResultRow(line_no, cells[1].strip(), amount, cells[3].strip().upper(), message[:200]))
        if not rows:
            raise BadResultFile("no result lines")
        return rows


LAYOUTS: dict[str, Layout] = {IeumCsvV1.name: IeumCsvV1()}
