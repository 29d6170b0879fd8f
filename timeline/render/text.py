"""Words of the figure: weekday and month names per language (data), time formats, text fitting.

A language is a row of :data:`LANGUAGES`; adding one is adding data, not code. The alt text
stays English (its sentences are code, see :mod:`timeline.render.spec`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Literal

from ..errors import InputError
from .metrics import advance
from .style import STYLE

__all__ = [
    "LANGUAGES",
    "Language",
    "clock_time",
    "counted",
    "day_labels",
    "fit",
    "hour_label",
    "instant_label",
    "language",
    "long_date",
    "offset_label",
    "text_height",
    "text_width",
    "wrap",
]

Hours = Literal[12, 24]


def _names(spaced: str) -> tuple[str, ...]:
    """Names written as one spaced string: a row of the table stays one readable line."""
    return tuple(spaced.split())


@dataclass(frozen=True)
class Language:
    code: str
    weekdays: tuple[str, ...]  # short, Monday first (datetime.weekday())
    weekdays_long: tuple[str, ...]
    months: tuple[str, ...]  # short, January first
    months_long: tuple[str, ...]
    day_label: str  # "{weekday} {day} {month}"
    am: str
    pm: str
    noon: str  # 12-hour tick labels: AP style writes "noon" and "midnight"
    midnight: str
    # Figure furniture, by key (see the English row for what each says).
    words: MappingProxyType[str, str]


_EN = Language(
    code="en",
    weekdays=_names("Mon Tue Wed Thu Fri Sat Sun"),
    weekdays_long=_names("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    months=_names("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
    months_long=_names("January February March April May June July August September October November December"),
    day_label="{weekday} {day} {month}",
    am="a.m.",
    pm="p.m.",
    noon="noon",
    midnight="midnight",
    words=MappingProxyType(
        {
            "robust": "Began in this window if any one report is wrong",
            "agreed": "if every report is right",
            "exact": "known time",
            "evidence": "What each report says",
            "evidence_note": "Bars: when the report alone puts the event; blue column: every report right",
            "unknown_outlet": "unknown outlet",
            "consistent": "consistent",
            "pivotal": "PIVOTAL",
            "conflict": "CONFLICT",
            "needs_one": "holds only on the {clocks} clock: {window}",
            "needs_many": "holds only on the {clocks} clocks",
            "or": " or ",
            "no_window": "no time on these clocks",
            "unresolved": "{count} reports not drawn: no time could be read from them ({ids})",
            "unresolved_1": "1 report not drawn: no time could be read from it ({ids})",
            "limited": "{count} more reports not drawn for lack of room ({ids})",
            "limited_1": "1 more report not drawn for lack of room ({ids})",
            "no_event": "Not drawn: {labels} (no time could be given)",
            "offset_change": "→ {offset} from {when}",
        }
    ),
)

_FR = Language(
    code="fr",
    weekdays=_names("lun. mar. mer. jeu. ven. sam. dim."),
    weekdays_long=_names("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    months=_names("janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc."),
    months_long=_names("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    day_label="{weekday} {day} {month}",
    am="am",
    pm="pm",
    noon="midi",
    midnight="minuit",
    words=MappingProxyType(
        {
            "robust": "Début dans cette fenêtre si un seul article se trompe",
            "agreed": "si tous les articles ont raison",
            "exact": "heure connue",
            "evidence": "Ce que dit chaque article",
            "evidence_note": "Barres : où l’article seul place l’événement ; colonne bleue : tous ont raison",
            "unknown_outlet": "média inconnu",
            "consistent": "cohérent",
            "pivotal": "DÉCISIF",
            "conflict": "CONFLIT",
            "needs_one": "vrai seulement à l’heure de {clocks} : {window}",
            "needs_many": "vrai seulement à l’heure de {clocks}",
            "or": " ou ",
            "no_window": "aucune heure sur ces horloges",
            "unresolved": "{count} articles non tracés : aucune heure lisible ({ids})",
            "unresolved_1": "1 article non tracé : aucune heure lisible ({ids})",
            "limited": "{count} autres articles non tracés faute de place ({ids})",
            "limited_1": "1 autre article non tracé faute de place ({ids})",
            "no_event": "Non tracé : {labels} (aucune heure connue)",
            "offset_change": "→ {offset} dès {when}",
        }
    ),
)

_DE = Language(
    code="de",
    weekdays=_names("Mo. Di. Mi. Do. Fr. Sa. So."),
    weekdays_long=_names("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"),
    months=_names("Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez."),
    months_long=_names("Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    day_label="{weekday} {day}. {month}",
    am="a.m.",
    pm="p.m.",
    noon="12 Uhr",
    midnight="0 Uhr",
    words=MappingProxyType(
        {
            "robust": "Beginn in diesem Fenster, wenn ein Bericht irrt",
            "agreed": "wenn alle Berichte stimmen",
            "exact": "bekannte Zeit",
            "evidence": "Was jeder Bericht sagt",
            "evidence_note": "Balken: wohin der Bericht allein das Ereignis legt; blaue Spalte: alle stimmen",
            "unknown_outlet": "Medium unbekannt",
            "consistent": "stimmig",
            "pivotal": "ENTSCHEIDEND",
            "conflict": "KONFLIKT",
            "needs_one": "gilt nur nach der Uhr von {clocks}: {window}",
            "needs_many": "gilt nur nach der Uhr von {clocks}",
            "or": " oder ",
            "no_window": "keine Zeit auf diesen Uhren",
            "unresolved": "{count} Berichte nicht gezeichnet: keine Zeit lesbar ({ids})",
            "unresolved_1": "1 Bericht nicht gezeichnet: keine Zeit lesbar ({ids})",
            "limited": "{count} weitere Berichte aus Platzgründen nicht gezeichnet ({ids})",
            "limited_1": "1 weiterer Bericht aus Platzgründen nicht gezeichnet ({ids})",
            "no_event": "Nicht gezeichnet: {labels} (keine Zeit bekannt)",
            "offset_change": "→ {offset} ab {when}",
        }
    ),
)

LANGUAGES: MappingProxyType[str, Language] = MappingProxyType({lang.code: lang for lang in (_EN, _FR, _DE)})


def counted(lang: Language, key: str, count: int, **values: object) -> str:
    """The sentence ``key`` for ``count`` things: the ``key_1`` row when there is exactly one."""
    template = lang.words.get(f"{key}_1", lang.words[key]) if count == 1 else lang.words[key]
    return template.format(count=count, **values)


def language(code: str) -> Language:
    try:
        return LANGUAGES[code]
    except KeyError:
        raise InputError(
            f"no weekday names for language {code!r}; choose one of {', '.join(sorted(LANGUAGES))} "
            "or add a row to timeline.render.text.LANGUAGES"
        ) from None


# --------------------------------------------------------------------------- measuring


def text_width(text: str, role: str) -> float:
    """Width in px at 1× of ``text`` set in the font of ``role``."""
    font = STYLE.font(role)
    return advance(text, bold=font.bold) * font.size


def text_height(role: str) -> float:
    return STYLE.font(role).size * STYLE.text_height


def fit(text: str, max_width: float, role: str) -> str:
    """``text``, shortened with an ellipsis at a word boundary if it is wider than ``max_width``."""
    if text_width(text, role) <= max_width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:·–—") + "…"
        if text_width(candidate, role) <= max_width:
            return candidate
    # One long word: cut characters.
    cut = text
    while cut and text_width(cut + "…", role) > max_width:
        cut = cut[:-1]
    return cut + "…" if cut else ""


def wrap(text: str, max_width: float, role: str) -> tuple[str, ...]:
    """Greedy word wrap to ``max_width`` px; a word wider than a line is shortened, not split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, role) <= max_width:
            current = candidate
        elif current:
            lines.append(current)
            current = fit(word, max_width, role)
        else:
            lines.append(fit(word, max_width, role))
    if current:
        lines.append(current)
    return tuple(lines)


# --------------------------------------------------------------------------- clocks and calendars


def clock_time(local: datetime, hours: Hours, lang: Language) -> str:
    """Wall-clock time: ``"01:00"`` or ``"1:00 a.m."``; seconds are dropped, never rounded up."""
    if hours == 24:
        return f"{local.hour:02d}:{local.minute:02d}"
    hour12 = local.hour % 12 or 12
    return f"{hour12}:{local.minute:02d} {lang.am if local.hour < 12 else lang.pm}"


def instant_label(local: datetime, hours: Hours, lang: Language) -> str:
    """``"12:00 Mon"``: the time and weekday of an instant on one clock."""
    return f"{clock_time(local, hours, lang)} {lang.weekdays[local.weekday()]}"


def hour_label(local: datetime, hours: Hours, lang: Language) -> str:
    """Tick label of a whole local hour: ``"06:00"``, or ``"6 a.m."``, ``"noon"``, ``"midnight"``."""
    if hours == 24:
        return clock_time(local, hours, lang)
    if local.minute:
        return clock_time(local, hours, lang)
    if local.hour == 0:
        return lang.midnight
    if local.hour == 12:
        return lang.noon
    return f"{local.hour % 12} {lang.am if local.hour < 12 else lang.pm}"


def day_labels(day: date, lang: Language) -> tuple[str, ...]:
    """Labels of a calendar day, longest first: ``("Tue 21 Jan", "Tue 21", "Tue")``."""
    weekday = lang.weekdays[day.weekday()]
    full = lang.day_label.format(weekday=weekday, day=day.day, month=lang.months[day.month - 1])
    short = lang.day_label.format(weekday=weekday, day=day.day, month="").rstrip(" ")
    return (full, short, weekday)


def long_date(day: date, lang: Language) -> str:
    """``"Tuesday 21 January"``."""
    return f"{lang.weekdays_long[day.weekday()]} {day.day} {lang.months_long[day.month - 1]}"


def offset_label(offset: timedelta) -> str:
    """``"UTC+8"``, ``"UTC−5"``, ``"UTC+5:30"`` (a true minus sign, as typeset)."""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
