"""Exports of a survey's submissions: one main table merged across form versions, one table per
repeat linked by `_index`/`_parent_index`, and a codebook; labels in a chosen language or codes.

Streamed: submissions are read with `.iterator(chunk_size=...)` and written with openpyxl's
write-only workbook (or csv), so memory stays flat however many submissions there are.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ieum.surveys import formdef
from ieum.surveys.models import Submission, Survey

CHUNK = 2000
META = ["_index", "_id", "_version", "_submitted_at", "_status", "_language"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe(value: Any) -> Any:
    """Formula injection: a text cell a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


@dataclass
class Column:
    name: str
    type: str
    label: Any
    choices: dict[str, Any] = field(default_factory=dict)  # name -> label dict, merged over versions


@dataclass
class Layout:
    main: list[Column] = field(default_factory=list)
    repeats: dict[str, list[Column]] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)


def layout(survey: Survey) -> Layout:
    """Columns in form order, oldest version first, new questions of later versions appended;
    a question kept across versions is one column (its latest label wins)."""
    result = Layout()
    seen: dict[tuple[str | None, str], Column] = {}
    for version in survey.versions.order_by("created_at", "pk"):
        for lang in version.languages:
            if lang not in result.languages:
                result.languages.append(lang)
        for item, repeat in formdef.data_fields(version.definition):
            key = (repeat, item.name)
            column = seen.get(key)
            if column is None:
                column = seen[key] = Column(item.name, item.type, item.label)
                target = result.main if repeat is None else result.repeats.setdefault(repeat, [])
                target.append(column)
            column.label = item.label
            column.type = item.type
            column.choices.update({c["name"]: c.get("label", c["name"]) for c in item.choices})
    return result


def _cell(column: Column, value: Any, language: str) -> Any:
    if value in (None, ""):
        return None
    if column.type in ("integer", "decimal"):
        try:
            number = float(value)
            return int(number) if column.type == "integer" else number
        except ValueError:
            return safe(str(value))
    if language and column.type in (formdef.SELECT_ONE, formdef.SELECT_MULTIPLE):
        labels = [formdef.text(column.choices.get(v, v), language) for v in str(value).split()]
        return safe("; ".join(labels))
    return safe(str(value))


def header(columns: list[Column], language: str) -> list[str]:
    return [formdef.text(c.label, language) or c.name if language else c.name for c in columns]


def rows(
    survey: Survey, plan: Layout, language: str, on_chunk: Callable[[int], None] | None = None
) -> Iterator[tuple[str, list[Any]]]:
    """("main", row) and (repeat name, row) in export order, reading in chunks."""
    submissions = (
        Submission.objects.filter(survey=survey)
        .order_by("pk")
        .values_list("instance_id", "version__version", "submitted_at", "status", "language", "data")
    )
    counters = dict.fromkeys(plan.repeats, 0)
    for index, (instance_id, version, at, status, lang, data) in enumerate(
        submissions.iterator(chunk_size=CHUNK), start=1
    ):
        meta = [
            index,
            instance_id,
            version,
            at.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds"),
            status,
            lang,
        ]
        yield "main", meta + [_cell(c, data.get(c.name), language) for c in plan.main]
        for repeat, columns in plan.repeats.items():
            for row in data.get(repeat) or []:
                counters[repeat] += 1
                yield (
                    repeat,
                    [counters[repeat], index] + [_cell(c, row.get(c.name), language) for c in columns],
                )
        if on_chunk and index % CHUNK == 0:
            on_chunk(index)


def codebook(plan: Layout) -> Iterator[list[Any]]:
    yield ["table", "name", "type", *plan.languages, "choices"]
    tables = [("main", plan.main)] + list(plan.repeats.items())
    for table, columns in tables:
        for c in columns:
            choices = "; ".join(
                f"{name}={formdef.text(label, plan.languages[0] if plan.languages else '')}"
                for name, label in c.choices.items()
            )
            yield [
                table,
                c.name,
                c.type,
                *(safe(formdef.text(c.label, lang)) for lang in plan.languages),
                safe(choices),
            ]


def write_xlsx(
    survey: Survey,
    target: Path | io.BytesIO,
    *,
    language: str = "",
    on_chunk: Callable[[int], None] | None = None,
) -> int:
    plan = layout(survey)
    book = Workbook(write_only=True)
    sheets = {"main": book.create_sheet("data")}
    sheets["main"].append(META + header(plan.main, language))
    for repeat, columns in plan.repeats.items():
        sheets[repeat] = book.create_sheet(repeat[:31])
        sheets[repeat].append(["_index", "_parent_index"] + header(columns, language))
    count = 0
    for table, row in rows(survey, plan, language, on_chunk):
        sheets[table].append(row)
        count += table == "main"
    book_sheet = book.create_sheet("codebook")
    for row in codebook(plan):
        book_sheet.append(row)
    book.save(target)
    return count


def write_csv_zip(
    survey: Survey,
    target: Path | io.BytesIO,
    *,
    language: str = "",
    on_chunk: Callable[[int], None] | None = None,
) -> int:
    """One CSV per table (UTF-8 with BOM, so Excel reads Hangul), in a ZIP."""
    plan = layout(survey)
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        # zipfile allows one open member at a time: repeats are buffered to temporary files.
        temps = {r: tempfile.TemporaryFile("w+", encoding="utf-8", newline="") for r in plan.repeats}  # noqa: SIM115 - closed below
        main = io.TextIOWrapper(archive.open("data.csv", "w"), encoding="utf-8-sig", newline="")
        writers = {"main": csv.writer(main), **{r: csv.writer(t) for r, t in temps.items()}}
        writers["main"].writerow(META + header(plan.main, language))
        for repeat, columns in plan.repeats.items():
            writers[repeat].writerow(["_index", "_parent_index"] + header(columns, language))
        for table, row in rows(survey, plan, language, on_chunk):
            writers[table].writerow(row)
            count += table == "main"
        main.close()
        for repeat, temp in temps.items():
            temp.seek(0)
            with archive.open(f"{repeat}.csv", "w") as member:
                member.write("\ufeff".encode())
                while chunk := temp.read(1 << 16):
                    member.write(chunk.encode("utf-8"))
            temp.close()
        with archive.open("codebook.csv", "w") as member:
            text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
            csv.writer(text).writerows(codebook(plan))
            text.close()
    return count
