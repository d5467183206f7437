"""Charts as server-rendered SVG (no script, no CDN): horizontal bars and lines. Labels are
escaped; each chart carries a <title> and the page shows the same numbers in a table."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

PALETTE = ["#256ef4", "#e0603a", "#1f9d55", "#8a4baf", "#c99a06", "#0b7f88"]


def bar_chart(items: Sequence[tuple[str, float | None]], *, title: str, width: int = 640) -> SafeString:
    """One bar per item; None (a suppressed cell) draws no bar."""
    row, label_w = 22, 150
    values = [v for _l, v in items if v is not None]
    top = max(values, default=0) or 1
    height = row * len(items) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="t-{id(items)}"><title id="t-{id(items)}">{escape(title)}</title>'
    ]
    for index, (label, value) in enumerate(items):
        y = 5 + index * row
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(str(label))}</text>"
        )
        if value is not None:
            w = (width - label_w - 60) * value / top
            parts.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{PALETTE[0]}"/>'
            )
            parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="12">{value:,.0f}</text>')
        else:
            parts.append(f'<text x="{label_w + 4}" y="{y + 15}" font-size="12">&lt;5</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703 - every text above is escaped


def line_chart(
    x_labels: Sequence[object],
    series: dict[str, list[float]],
    *,
    title: str,
    width: int = 640,
    height: int = 260,
) -> SafeString:
    left, bottom, pad = 60, 30, 12
    values = [v for line in series.values() for v in line]
    low, high = min(values, default=0.0), max(values, default=1.0)
    if high == low:
        high = low + 1
    span_x = max(len(x_labels) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        x = left + (width - left - pad) * i / span_x
        y = pad + (height - bottom - pad) * (1 - (v - low) / (high - low))
        return x, y

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="l-{id(series)}"><title id="l-{id(series)}">{escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - pad}" y2="{height - bottom}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{pad + 4}" text-anchor="end" font-size="11">{high:,.0f}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">{low:,.0f}</text>',
    ]
    for i, label in enumerate(x_labels):
        x, _y = xy(i, low)
        parts.append(
            f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" font-size="11">'
            f"{escape(str(label))}</text>"
        )
    for n, (name, line) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in enumerate(line)))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{points}"/>')
        parts.append(
            f'<text x="{left + 8}" y="{pad + 14 + 14 * n}" font-size="12" fill="{colour}">'
            f"{escape(str(name))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703 - every text above is escaped
