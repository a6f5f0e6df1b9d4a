"""The site's one stylesheet. Colours meet WCAG 2.1 AA contrast on white (4.5:1 for text, 3:1 for
chart lines), and every status colour comes with its symbol and its words (site_text)."""

STYLESHEET = """\
html { font-family: system-ui, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; }
body { background: #fff; }
body { margin: 0 auto; max-width: 64rem; padding: 0 1rem; }
a { color: #095797; }
a:focus, a:hover { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
header { border-bottom: 4px solid #095797; padding: 1rem 0; }
header .brand { font-size: 1.4rem; font-weight: 700; margin: 0; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1.5rem; flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 700; padding: 0.5rem 0; }
th, td { border: 1px solid #6b6b6b; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
.status { font-weight: 700; }
.status-met { color: #1d6b2f; }
.status-on_track { color: #155a8a; }
.status-not_met { color: #a4161a; }
.status-not_available { color: #4d4d4d; }
.status-future { color: #6a4400; }
.chart { width: 100%; height: auto; max-width: 40rem; }
.chart .axis { stroke: #4d4d4d; stroke-width: 1; }
.chart .series { fill: none; stroke: #095797; stroke-width: 2; }
.chart .point { fill: #095797; }
.chart .target { stroke: #a4161a; stroke-width: 2; stroke-dasharray: 6 4; }
.chart .target-label, .chart .value-label, .chart .tick { fill: #1a1a1a; font-size: 13px; }
footer { border-top: 1px solid #6b6b6b; margin-top: 2rem; font-size: 0.9rem; }
"""
