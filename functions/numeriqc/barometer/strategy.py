"""The starting structure: the Stratégie de transformation numérique gouvernementale 2019-2023's
16 key measures (titles as the strategy states them, with an English rendering) and the
indicators the platform measures about itself. Seed data, loaded as code: it ships with the
function, costs no read, and a change of it is reviewed like any other change.

The strategy's text groups measures 1-7 under « Gouvernance numérique » and 8-16 under
« Écosystème numérique ». The automatic indicators' targets are the platform's own provisional
targets (the strategy sets none for them): an owner changes them here.
"""

from datetime import date

from numeriqc.barometer.models import (
    Indicator,
    IndicatorAggregation,
    IndicatorDirection,
    IndicatorTarget,
    IndicatorUnit,
    StrategyMeasure,
    ValueRange,
)
from numeriqc.barometer.periods import ReportingFrequency

PLATFORM_OWNER = "numeriqc"
_GOVERNANCE = ("Gouvernance numérique", "Digital governance")
_ECOSYSTEM = ("Écosystème numérique", "Digital ecosystem")

_MEASURES: list[tuple[int, tuple[str, str], str, str, str, str]] = [
    (
        1,
        _GOVERNANCE,
        "Moderniser le cadre légal pour soutenir la transformation numérique",
        "Modernize the legal framework to support the digital transformation",
        "Faire évoluer lois et règlements pour un accès proactif à l'information.",
        "Update laws and regulations for proactive access to information.",
    ),
    (
        2,
        _GOVERNANCE,
        "Publier le standard des pratiques numériques",
        "Publish the digital practices standard",
        "Un standard commun de pratiques numériques reconnues.",
        "A common standard of recognized digital practices.",
    ),
    (
        3,
        _GOVERNANCE,
        "Lancer l'offre de service d'accompagnement numérique",
        "Launch the digital support service offering",
        "Le CQEN accompagne les organisations publiques.",
        "The CQEN supports public organizations.",
    ),
    (
        4,
        _GOVERNANCE,
        "Lancer une première offre de formation sur le numérique",
        "Launch a first digital training offering",
        "Des formations adaptées à la fonction publique.",
        "Training adapted to the public service.",
    ),
    (
        5,
        _GOVERNANCE,
        "Faciliter l'accès à un laboratoire d'essai des services publics",
        "Ease access to a public services testing lab",
        "Vérifier l'adéquation des services avec les besoins de la population.",
        "Check that services meet people's needs.",
    ),
    (
        6,
        _GOVERNANCE,
        "Adopter la stratégie d'introduction à l'intelligence artificielle",
        "Adopt the strategy for introducing artificial intelligence",
        "Baliser l'usage de l'intelligence artificielle.",
        "Frame the use of artificial intelligence.",
    ),
    (
        7,
        _GOVERNANCE,
        "Lancer une plateforme de notification par courriel et par message texte",
        "Launch an email and text message notification platform",
        "Des rappels envoyés automatiquement au bon moment.",
        "Reminders sent automatically at the right time.",
    ),
    (
        8,
        _ECOSYSTEM,
        "Lancer la Vitrine numérique, un carrefour de partage d'expériences numériques",
        "Launch the Digital Showcase, a hub for sharing digital experiences",
        "Mettre en valeur les réalisations numériques.",
        "Highlight digital achievements.",
    ),
    (
        9,
        _ECOSYSTEM,
        "Lancer un outil de rétroaction et de commentaires pour les services publics",
        "Launch a feedback and comments tool for public services",
        "La population se prononce sur les services reçus.",
        "People rate the services they receive.",
    ),
    (
        10,
        _ECOSYSTEM,
        "Lancer une plateforme gouvernementale de consultation publique",
        "Launch a government public consultation platform",
        "Sondages, consultations, tests et analyses.",
        "Surveys, consultations, tests and analysis.",
    ),
    (
        11,
        _ECOSYSTEM,
        "Offrir de l'encadrement supplémentaire en cybersécurité",
        "Provide additional cybersecurity guidance",
        "Des lignes directrices contre des menaces croissantes.",
        "Guidelines against growing threats.",
    ),
    (
        12,
        _ECOSYSTEM,
        "Lancer le programme d'adoption de l'infonuagique",
        "Launch the cloud adoption program",
        "Accompagnement et expertise pour le virage infonuagique.",
        "Support and expertise for the move to the cloud.",
    ),
    (
        13,
        _ECOSYSTEM,
        "Lancer une plateforme sécurisée pour l'échange des données",
        "Launch a secure data exchange platform",
        "Un partage d'information sécuritaire entre organisations publiques.",
        "Secure information sharing between public organizations.",
    ),
    (
        14,
        _ECOSYSTEM,
        "Réaliser l'architecture de l'information gouvernementale",
        "Build the government information architecture",
        "Une vue globale de l'information pour mieux la protéger.",
        "A global view of information to protect it better.",
    ),
    (
        15,
        _ECOSYSTEM,
        "Lancer le Baromètre numériQc",
        "Launch the numériQc Barometer",
        "Partager publiquement les avancées par rapport aux cibles.",
        "Share progress against targets publicly.",
    ),
    (
        16,
        _ECOSYSTEM,
        "Élaborer un cadre de gestion des bénéfices",
        "Develop a benefits management framework",
        "Estimer, mesurer et réinvestir les bénéfices.",
        "Estimate, measure and reinvest benefits.",
    ),
]

MEASURES: tuple[StrategyMeasure, ...] = tuple(
    StrategyMeasure(
        number=number,
        axis_fr=axis[0],
        axis_en=axis[1],
        title_fr=title_fr,
        title_en=title_en,
        summary_fr=summary_fr,
        summary_en=summary_en,
    )
    for number, axis, title_fr, title_en, summary_fr, summary_en in _MEASURES
)
_TARGET_DATE = date(2027, 12, 31)


def _automatic(
    indicator_id: str,
    measure: int,
    names: tuple[str, str],
    unit: IndicatorUnit,
    aggregation: IndicatorAggregation,
    *,
    target: float,
    value_range: tuple[float, float] = (0, 1e15),
) -> Indicator:
    return Indicator(
        indicator_id=indicator_id,
        measure=measure,
        name_fr=names[0],
        name_en=names[1],
        unit=unit,
        direction=IndicatorDirection.HIGHER,
        aggregation=aggregation,
        frequency=ReportingFrequency.MONTH,
        targets=[IndicatorTarget(value=target, date=_TARGET_DATE)],
        range=ValueRange(min=value_range[0], max=value_range[1]),
        owner=PLATFORM_OWNER,
        automatic=True,
    )


_COUNT, _SUM, _MEAN = IndicatorUnit.COUNT, IndicatorAggregation.SUM, IndicatorAggregation.WEIGHTED_MEAN
AUTOMATIC: tuple[Indicator, ...] = (
    _automatic(
        "notifications-sent-email", 7, ("Courriels envoyés", "Emails sent"), _COUNT, _SUM, target=100_000
    ),
    _automatic(
        "notifications-sent-sms",
        7,
        ("Messages texte envoyés", "Text messages sent"),
        _COUNT,
        _SUM,
        target=50_000,
    ),
    _automatic(
        "notifications-delivered-email",
        7,
        ("Courriels livrés", "Emails delivered"),
        _COUNT,
        _SUM,
        target=98_000,
    ),
    _automatic(
        "notifications-delivered-sms",
        7,
        ("Messages texte livrés", "Text messages delivered"),
        _COUNT,
        _SUM,
        target=49_000,
    ),
    _automatic(
        "notifications-delivery-rate",
        7,
        ("Taux de livraison des notifications", "Notification delivery rate"),
        IndicatorUnit.PERCENT,
        _MEAN,
        target=98,
        value_range=(0, 100),
    ),
    _automatic(
        "feedback-volume", 9, ("Rétroactions reçues", "Feedback received"), _COUNT, _SUM, target=10_000
    ),
    _automatic(
        "feedback-csat",
        9,
        ("Satisfaction (notes 4 et 5)", "Satisfaction (ratings 4 and 5)"),
        IndicatorUnit.PERCENT,
        _MEAN,
        target=80,
        value_range=(0, 100),
    ),
    _automatic(
        "feedback-mean-rating",
        9,
        ("Note moyenne (1 à 5)", "Mean rating (1 to 5)"),
        IndicatorUnit.SCORE,
        _MEAN,
        target=4,
        value_range=(1, 5),
    ),
    _automatic(
        "consultations-held", 10, ("Consultations tenues", "Consultations held"), _COUNT, _SUM, target=50
    ),
    _automatic(
        "consultations-participations",
        10,
        ("Participations aux consultations", "Consultation participations"),
        _COUNT,
        _SUM,
        target=20_000,
    ),
    _automatic(
        "exchange-messages",
        13,
        ("Messages échangés entre organisations", "Messages exchanged between organizations"),
        _COUNT,
        _SUM,
        target=100_000,
    ),
    _automatic(
        "exchange-organizations-connected",
        13,
        ("Organisations raccordées à l'échange", "Organizations connected to the exchange"),
        _COUNT,
        _SUM,
        target=30,
    ),
    _automatic(
        "organizations-onboarded",
        15,
        ("Organisations inscrites à la plateforme", "Organizations onboarded on the platform"),
        _COUNT,
        _SUM,
        target=50,
    ),
)
AUTOMATIC_BY_ID = {indicator.indicator_id: indicator for indicator in AUTOMATIC}
