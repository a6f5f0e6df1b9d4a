"""The public site's HTML pages, French and English, each linking to its counterpart. Pure logic.

Pages are plain HTML with one stylesheet: no script, no inline style (the CloudFront content
security policy allows neither), every link relative so the same files work at the site's root
and under the local runtime's `/barometre/`. Every piece of data is escaped (`site_text.e`),
whatever the API already refused. Nothing on a page depends on when it was generated, so a page
whose data did not change is byte for byte the same and is not written again.
"""

from numeriqc.barometer.models import (
    BENEFIT_UNITS,
    Achievement,
    AchievementStatus,
    Benefit,
    IndicatorStatus,
    IndicatorUnit,
    StrategyMeasure,
)
from numeriqc.barometer.series import IndicatorView
from numeriqc.barometer.site_chart import chart
from numeriqc.barometer.site_text import Lang, amount, e, pick, status_label

SITE_NAME = ("Baromètre numériQc", "numériQc Barometer")
HOME = {"fr": "index.html", "en": "index.html"}
OPEN_DATA = {"fr": "donnees-ouvertes.html", "en": "open-data.html"}
BENEFITS = {"fr": "benefices.html", "en": "benefits.html"}
SHOWCASE = {"fr": "vitrine.html", "en": "showcase.html"}
INDICATOR = {"fr": "indicateur-{id}.html", "en": "indicator-{id}.html"}
DATA_DIR = "donnees"


def other(lang: Lang) -> Lang:
    return "en" if lang == "fr" else "fr"


def colon(lang: Lang) -> str:
    """French puts a space before a colon; English does not."""
    return "\u00a0: " if lang == "fr" else ": "


def indicator_page(indicator_id: str, lang: Lang) -> str:
    return INDICATOR[lang].format(id=indicator_id)


def layout(lang: Lang, title: str, here: str, counterpart: str, body: str) -> str:
    """The frame of every page: language, skip link, header, navigation, the counterpart link."""
    to = other(lang)
    site = pick(SITE_NAME, lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title if title == site else f'{title} – {site}')}</title>\n"
        '<link rel="stylesheet" href="../site.css">\n'
        f'<link rel="alternate" hreflang="{to}" href="../{to}/{e(counterpart)}">\n'
        "</head>\n<body>\n"
        f'<a class="skip" href="#contenu">{pick(("Passer au contenu", "Skip to content"), lang)}</a>\n'
        f'<header>\n<p class="brand"><a href="{HOME[lang]}">{e(site)}</a></p>\n'
        f'<nav aria-label="{pick(("Navigation principale", "Main navigation"), lang)}"><ul>'
        f'<li><a href="{HOME[lang]}">{pick(("Accueil", "Home"), lang)}</a></li>'
        f'<li><a href="{BENEFITS[lang]}">{pick(("Bénéfices", "Benefits"), lang)}</a></li>'
        f'<li><a href="{SHOWCASE[lang]}">{pick(("Vitrine", "Showcase"), lang)}</a></li>'
        f'<li><a href="{OPEN_DATA[lang]}">{pick(("Données ouvertes", "Open data"), lang)}</a></li>'
        f'<li><a href="../{to}/{e(counterpart)}" lang="{to}" hreflang="{to}">'
        f"{pick(('English', 'Français'), lang)}</a></li>"
        "</ul></nav>\n</header>\n"
        f'<main id="contenu">\n<h1>{e(title)}</h1>\n{body}\n</main>\n'
        f"<footer><p>{pick(FOOTER, lang)}</p></footer>\n</body>\n</html>\n"
    )


FOOTER = (
    "Données fournies par les organisations publiques et mesurées par la plateforme numériQc. "
    "Stratégie de transformation numérique gouvernementale 2019-2023.",
    "Data reported by public organizations and measured by the numériQc platform. "
    "Government digital transformation strategy 2019-2023.",
)


def measure_status(views: list[IndicatorView]) -> IndicatorStatus:
    """A measure shows its least favourable indicator's status (not available without any)."""
    order = [
        IndicatorStatus.NOT_MET,
        IndicatorStatus.NOT_AVAILABLE,
        IndicatorStatus.FUTURE,
        IndicatorStatus.ON_TRACK,
        IndicatorStatus.MET,
    ]
    found = {view.status for view in views}
    return next((status for status in order if status in found), IndicatorStatus.NOT_AVAILABLE)


def home(measures: tuple[StrategyMeasure, ...], views: list[IndicatorView], lang: Lang) -> str:
    by_measure: dict[int, list[IndicatorView]] = {}
    for view in views:
        by_measure.setdefault(view.indicator.measure, []).append(view)
    parts = [f"<p>{pick(INTRO, lang)}</p>"]
    axis = None
    for measure in measures:
        measure_axis = pick((measure.axis_fr, measure.axis_en), lang)
        if measure_axis != axis:
            axis = measure_axis
            parts.append(f"<h2>{e(axis)}</h2>")
        mine = by_measure.get(measure.number, [])
        title = pick((measure.title_fr, measure.title_en), lang)
        status = measure_status(mine)
        parts.append(
            f'<section aria-labelledby="mesure-{measure.number}">'
            f'<h3 id="mesure-{measure.number}">{pick(("Mesure", "Measure"), lang)} {measure.number}'
            f"{colon(lang)}{e(title)}</h3>"
        )
        parts.append(f"<p>{e(pick((measure.summary_fr, measure.summary_en), lang))}</p>")
        parts.append(
            f"<p>{pick(('Statut de la mesure', 'Measure status'), lang)}{colon(lang)}"
            f'<strong class="status status-{status.value}">{status_label(status, lang)}</strong></p>'
        )
        parts.append(_indicator_table(mine, lang, title) if mine else f"<p>{pick(NO_INDICATOR, lang)}</p>")
        parts.append("</section>")
    return "\n".join(parts)


INTRO = (
    "Le Baromètre montre où en est la transformation numérique de l'administration publique par "
    "rapport aux cibles de la Stratégie. Chaque indicateur a sa page, avec un graphique, un résumé et "
    "ses données.",
    "The Barometer shows how the public administration's digital transformation progresses against "
    "the Strategy's targets. Each indicator has its page, with a chart, a summary and its data.",
)
NO_INDICATOR = (
    "Aucun indicateur n'est encore suivi pour cette mesure.",
    "No indicator is tracked yet for this measure.",
)


def _indicator_table(views: list[IndicatorView], lang: Lang, title: str) -> str:
    head = [
        pick(("Indicateur", "Indicator"), lang),
        pick(("Dernière valeur", "Latest value"), lang),
        pick(("Cible", "Target"), lang),
        pick(("Statut", "Status"), lang),
    ]
    rows = []
    for view in views:
        indicator = view.indicator
        latest = view.points[-1] if view.points else None
        latest_text = (
            f"{amount(latest.value, indicator.unit, lang)} ({latest.period})"
            if latest
            else pick(("Aucune", "None"), lang)
        )
        target = indicator.targets[-1]
        rows.append(
            f'<tr><th scope="row"><a href="{e(indicator_page(indicator.indicator_id, lang))}">'
            f"{e(pick((indicator.name_fr, indicator.name_en), lang))}</a></th>"
            f"<td>{e(latest_text)}</td>"
            f"<td>{e(amount(target.value, indicator.unit, lang))} ({target.date.isoformat()})</td>"
            f'<td class="status status-{view.status.value}">{status_label(view.status, lang)}</td></tr>'
        )
    caption = pick(("Indicateurs de la mesure", "Indicators of the measure"), lang) + f" « {title} »"
    header = "".join(f'<th scope="col">{e(cell)}</th>' for cell in head)
    return (
        f"<table><caption>{e(caption)}</caption><thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def summary(view: IndicatorView, lang: Lang) -> str:
    """The chart's text equivalent: latest value, target, status, baseline, in one paragraph."""
    indicator = view.indicator
    target = indicator.targets[-1]
    unit = indicator.unit
    parts = []
    if view.points:
        latest = view.points[-1]
        parts.append(
            pick(("Dernière valeur", "Latest value"), lang)
            + f"{colon(lang)}{amount(latest.value, unit, lang)} ({latest.period})."
        )
    else:
        parts.append(pick(("Aucune valeur déclarée.", "No value reported."), lang))
    parts.append(
        pick(("Cible", "Target"), lang)
        + f"{colon(lang)}{amount(target.value, unit, lang)} "
        + pick(("au plus tard le", "by"), lang)
        + f" {target.date.isoformat()}."
    )
    parts.append(pick(("Statut", "Status"), lang) + f"{colon(lang)}{status_label(view.status, lang)}.")
    if indicator.baseline:
        parts.append(
            pick(("Point de départ", "Baseline"), lang)
            + f"{colon(lang)}{amount(indicator.baseline.value, unit, lang)}"
            + f" ({indicator.baseline.date.isoformat()})."
        )
    better = (
        pick(("plus haut", "higher"), lang)
        if indicator.direction.value == "higher"
        else pick(("plus bas", "lower"), lang)
    )
    parts.append(pick(("Le mieux est", "Better is"), lang) + f" {better}.")
    return " ".join(parts)


def indicator_body(view: IndicatorView, measure: StrategyMeasure, lang: Lang) -> str:
    indicator = view.indicator
    name = pick((indicator.name_fr, indicator.name_en), lang)
    text = summary(view, lang)
    description = pick((indicator.description_fr, indicator.description_en), lang)
    measure_title = pick((measure.title_fr, measure.title_en), lang)
    rows = "".join(
        f'<tr><th scope="row">{e(point.period)}</th><td>{e(amount(point.value, indicator.unit, lang))}</td>'
        f"<td>{point.reports}</td></tr>"
        for point in view.points
    )
    head = "".join(
        f'<th scope="col">{cell}</th>'
        for cell in (
            pick(("Période", "Period"), lang),
            pick(("Valeur", "Value"), lang),
            pick(("Déclarations", "Reports"), lang),
        )
    )
    data = f"../{DATA_DIR}/{e(indicator.indicator_id)}"
    return "\n".join(
        [
            f'<p><a href="{HOME[lang]}#mesure-{measure.number}">{pick(("Mesure", "Measure"), lang)} '
            f"{measure.number}{colon(lang)}{e(measure_title)}</a></p>",
            f"<p>{e(description)}</p>" if description else "",
            f'<p class="status status-{view.status.value}">'
            f"<strong>{status_label(view.status, lang)}</strong></p>",
            f'<h2 id="resume">{pick(("Résumé", "Summary"), lang)}</h2>',
            f"<p>{e(text)}</p>",
            f'<h2 id="graphique">{pick(("Graphique", "Chart"), lang)}</h2>',
            f"<figure>{chart(indicator, view.points, lang, name, text)}</figure>",
            f'<h2 id="donnees">{pick(("Données", "Data"), lang)}</h2>',
            f"<table><caption>{e(name)}{colon(lang)}"
            f"{pick(('valeurs par période', 'values per period'), lang)}"
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>",
            f'<p><a href="{data}.csv">{e(name)} (CSV)</a> · <a href="{data}.json">{e(name)} (JSON)</a></p>',
        ]
    )


def open_data_body(views: list[IndicatorView], lang: Lang) -> str:
    whole = f"../{DATA_DIR}/barometre"
    items = "".join(
        f"<li>{e(pick((view.indicator.name_fr, view.indicator.name_en), lang))}{colon(lang)}"
        f'<a href="../{DATA_DIR}/{e(view.indicator.indicator_id)}.csv">CSV '
        f'<span class="visually-hidden">{e(view.indicator.indicator_id)}</span></a>, '
        f'<a href="../{DATA_DIR}/{e(view.indicator.indicator_id)}.json">JSON '
        f'<span class="visually-hidden">{e(view.indicator.indicator_id)}</span></a></li>'
        for view in views
    )
    return (
        f"<p>{pick(OPEN_DATA_INTRO, lang)}</p>\n"
        f"<h2>{pick(('Ensemble complet', 'Whole set'), lang)}</h2>\n"
        f'<ul><li><a href="{whole}.csv">{pick(EVERY, lang)} (CSV)</a></li>'
        f'<li><a href="{whole}.json">{pick(EVERY, lang)} (JSON)</a></li></ul>\n'
        f"<h2>{pick(('Par indicateur', 'Per indicator'), lang)}</h2>\n<ul>{items}</ul>"
    )


EVERY = ("Tous les indicateurs", "Every indicator")
OPEN_DATA_INTRO = (
    "Les données du Baromètre sont ouvertes : une ligne par indicateur et par période, en CSV (UTF-8) "
    "et en JSON.",
    "The Barometer's data is open: one row per indicator and period, as CSV (UTF-8) and JSON.",
)


def landing() -> str:
    """The site's root: both languages, each in its own language."""
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Baromètre numériQc / numériQc Barometer</title>\n"
        '<link rel="stylesheet" href="site.css">\n</head>\n<body>\n<main id="contenu">\n'
        '<h1>Baromètre numériQc <span lang="en">/ numériQc Barometer</span></h1>\n'
        '<ul><li><a href="fr/index.html">Français</a></li>'
        '<li><a href="en/index.html" lang="en" hreflang="en">English</a></li></ul>\n'
        "</main>\n</body>\n</html>\n"
    )


def benefits_body(benefits: list[Benefit], lang: Lang) -> str:
    """Each approved initiative: estimate and measurement side by side per period, with the gap."""
    if not benefits:
        return f"<p>{pick(BENEFITS_INTRO, lang)}</p>\n<p>{pick(NONE_YET, lang)}</p>"
    parts = [f"<p>{pick(BENEFITS_INTRO, lang)}</p>"]
    head = "".join(
        f'<th scope="col">{pick(cell, lang)}</th>'
        for cell in (
            ("Période", "Period"),
            ("Estimé", "Estimated"),
            ("Mesuré", "Measured"),
            ("Écart", "Gap"),
            ("Réinvesti", "Reinvested"),
        )
    )
    for benefit in benefits:
        unit = BENEFIT_UNITS[benefit.kind]
        estimates = {estimate.period: estimate.value for estimate in benefit.estimates}
        rows = []
        for period in sorted(set(estimates) | set(benefit.measurements)):
            estimated = estimates.get(period)
            measurement = benefit.measurements.get(period)
            measured = measurement.measured if measurement else None
            gap = measured - estimated if measured is not None and estimated is not None else None
            reinvested = measurement.reinvested if measurement else None
            cells = [
                _maybe(estimated, unit, lang),
                _maybe(measured, unit, lang),
                ("+" if gap is not None and gap > 0 else "") + _maybe(gap, unit, lang),
                _maybe(reinvested, IndicatorUnit.DOLLARS, lang),
            ]
            rows.append(
                f'<tr><th scope="row">{e(period)}</th>' + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>"
            )
        title = pick((benefit.title_fr, benefit.title_en), lang)
        assumptions = pick((benefit.assumptions_fr, benefit.assumptions_en), lang)
        method = pick((benefit.method_fr, benefit.method_en), lang)
        parts += [
            f'<section aria-labelledby="benefice-{e(benefit.benefit_id)}">',
            f'<h2 id="benefice-{e(benefit.benefit_id)}">{e(title)}</h2>',
            f"<p>{pick(('Organisme', 'Organization'), lang)}{colon(lang)}{e(benefit.org_id)} · "
            f"{pick(('Mesure', 'Measure'), lang)} {benefit.measure}</p>",
            f"<p>{pick(('Méthode', 'Method'), lang)}{colon(lang)}{e(method)}</p>",
            f"<p>{pick(('Hypothèses', 'Assumptions'), lang)}{colon(lang)}{e(assumptions)}</p>"
            if assumptions
            else "",
            f"<table><caption>{e(title)}{colon(lang)}"
            f"{pick(('estimé et mesuré', 'estimated and measured'), lang)}"
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>",
            "</section>",
        ]
    return "\n".join(part for part in parts if part)


def _maybe(value: float | None, unit: IndicatorUnit, lang: Lang) -> str:
    return amount(value, unit, lang) if value is not None else pick(("non mesuré", "not measured"), lang)


def showcase_body(achievements: list[Achievement], lang: Lang) -> str:
    if not achievements:
        return f"<p>{pick(SHOWCASE_INTRO, lang)}</p>\n<p>{pick(NONE_YET, lang)}</p>"
    parts = [f"<p>{pick(SHOWCASE_INTRO, lang)}</p>"]
    for item in achievements:
        status = pick(ACHIEVEMENT_STATUS[item.status], lang)
        measures = ", ".join(
            f'<a href="{HOME[lang]}#mesure-{number}">{pick(("Mesure", "Measure"), lang)} {number}</a>'
            for number in sorted(set(item.measures))
        )
        links = "".join(f'<li><a href="{e(link)}">{e(link)}</a></li>' for link in item.links)
        parts += [
            "<article>",
            f"<h2>{e(pick((item.title_fr, item.title_en), lang))}</h2>",
            f"<p>{e(item.org_id)} · {item.date.isoformat()} · {e(status)}</p>",
            f"<p>{e(pick((item.summary_fr, item.summary_en), lang))}</p>",
            f"<p>{measures}</p>" if measures else "",
            f"<ul>{links}</ul>" if links else "",
            "</article>",
        ]
    return "\n".join(part for part in parts if part)


BENEFITS_INTRO = (
    "Le registre des bénéfices présente, pour chaque initiative approuvée, les bénéfices estimés et "
    "mesurés par période, l'écart entre les deux et les sommes réinvesties dans la transformation "
    "numérique.",
    "The benefits register shows, for each approved initiative, the estimated and measured benefits per "
    "period, the gap between them and the amounts reinvested in the digital transformation.",
)
SHOWCASE_INTRO = (
    "La Vitrine numérique met en valeur les réalisations numériques des organisations publiques.",
    "The Digital Showcase highlights public organizations' digital achievements.",
)
NONE_YET = ("Aucune entrée approuvée pour l'instant.", "No approved entry yet.")
ACHIEVEMENT_STATUS = {
    AchievementStatus.IN_PROGRESS: ("En cours", "In progress"),
    AchievementStatus.DELIVERED: ("Livrée", "Delivered"),
}
