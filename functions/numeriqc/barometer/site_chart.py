"""An indicator's chart as inline SVG: no script, no external file, readable by a screen reader.

The SVG has `role="img"`, a `<title>` and a `<desc>` (the text summary) that `aria-labelledby`
names; the page beside it shows the same figures in a data table. The target is a dashed line
labelled in words, values are marked with circles and the last one is labelled with its value, so
no meaning depends on colour. Colours come from the site's stylesheet classes, never from inline
`style` (the content security policy forbids inline styles). Pure logic.
"""

from numeriqc.barometer.models import Indicator, SeriesPoint
from numeriqc.barometer.site_text import Lang, amount, e, pick

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 48


def chart(indicator: Indicator, points: list[SeriesPoint], lang: Lang, title: str, summary: str) -> str:
    key = e(indicator.indicator_id)
    values = [point.value for point in points]
    target = indicator.targets[-1]
    low = min([*values, target.value, indicator.baseline.value if indicator.baseline else target.value, 0])
    high = max([*values, target.value, 1])
    span = (high - low) or 1
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (inner_w * index / (len(points) - 1) if len(points) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return TOP + inner_h * (1 - (value - low) / span)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title-{key} chart-desc-{key}" class="chart">',
        f'<title id="chart-title-{key}">{e(title)}</title>',
        f'<desc id="chart-desc-{key}">{e(summary)}</desc>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" y2="{TOP + inner_h}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + inner_h}"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{y(high) + 4:.1f}" text-anchor="end">'
        f"{e(amount(high, indicator.unit, lang))}</text>",
        f'<text class="tick" x="{LEFT - 6}" y="{y(low) + 4:.1f}" text-anchor="end">'
        f"{e(amount(low, indicator.unit, lang))}</text>",
    ]
    target_y = y(target.value)
    target_text = pick(("Cible", "Target"), lang) + f" {amount(target.value, indicator.unit, lang)}"
    parts += [
        f'<line class="target" x1="{LEFT}" y1="{target_y:.1f}" x2="{WIDTH - RIGHT}" y2="{target_y:.1f}"/>',
        f'<text class="target-label" x="{WIDTH - RIGHT}" y="{target_y - 6:.1f}" text-anchor="end">'
        f"{e(target_text)}</text>",
    ]
    if points:
        path = " ".join(f"{x(i):.1f},{y(point.value):.1f}" for i, point in enumerate(points))
        parts.append(f'<polyline class="series" points="{path}"/>')
        parts += [
            f'<circle class="point" cx="{x(i):.1f}" cy="{y(p.value):.1f}" r="3"/>'
            for i, p in enumerate(points)
        ]
        last = len(points) - 1
        parts.append(
            f'<text class="value-label" x="{x(last):.1f}" y="{y(points[-1].value) - 8:.1f}" '
            'text-anchor="end">'
            f"{e(amount(points[-1].value, indicator.unit, lang))}</text>"
        )
        for index in sorted({0, last}):
            parts.append(
                f'<text class="tick" x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">'
                f"{e(points[index].period)}</text>"
            )
    else:
        parts.append(
            f'<text class="tick" x="{WIDTH / 2:.0f}" y="{HEIGHT / 2:.0f}" text-anchor="middle">'
            f"{e(pick(('Aucune donnée', 'No data yet'), lang))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
