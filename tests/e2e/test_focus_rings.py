"""Every focus ring of the public pages is at least 3:1 against what it is drawn on (WCAG 1.4.11).

axe does not measure focus indicators. Here every control the keyboard reaches is focused with Tab
and its computed outline colour is compared with the background behind the ring: the first opaque
background among its ancestors (the ring sits in the outline offset, outside the control).
"""

from typing import Any

import pytest

from .test_widget_accessibility import contrast

pytestmark = pytest.mark.e2e

RING = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  let behind = e.parentElement, background = 'rgb(255, 255, 255)';
  while (behind) {
    const b = getComputedStyle(behind).backgroundColor;
    if (b && b !== 'transparent' && !b.startsWith('rgba(0, 0, 0, 0)')) { background = b; break; }
    behind = behind.parentElement;
  }
  return {what: e.tagName + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : ''),
          color: s.outlineColor, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
          visible: e.matches(':focus-visible'), background};
}"""


@pytest.mark.parametrize("path", ["/widget/", "/consultation/"])
def test_every_focus_ring_has_three_to_one_contrast(dev_platform: Any, page: Any, path: str) -> None:
    page.goto(f"{dev_platform.url}{path}")
    page.wait_for_load_state("networkidle")
    seen: list[dict[str, Any]] = []
    for _ in range(30):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring is None or (seen and ring["what"] == seen[0]["what"]):
            break
        seen.append(ring)
    assert seen, f"Tab reaches nothing on {path}"
    weak = [
        ring
        for ring in seen
        if not ring["visible"] or ring["style"] == "none" or contrast(ring["color"], ring["background"]) < 3
    ]
    assert weak == [], weak
