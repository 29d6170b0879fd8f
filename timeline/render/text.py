"""Words of the figure: weekday and month names per language (data), time formats, text fitting.

A language is a row of :data:`LANGUAGES`; adding one is adding data, not code. The alt text's
fixed wording is data too (``Language.alt``); titles, labels, clock names and quotes stay as written.
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
    long_day: str  # "{weekday} {day} {month}" with the long names, as in running text
    numbers: tuple[str, ...]  # zero to ten in words, for running text
    quotes: tuple[str, str]  # opening and closing quotation marks around a report's words
    am: str
    pm: str
    noon: str  # 12-hour tick labels: AP style writes "noon" and "midnight"
    midnight: str
    # Figure furniture, by key (see the English row for what each says).
    words: MappingProxyType[str, str]
    # The alt text's sentences, by key; ``key_1`` rows are the singular (see :func:`counted`).
    alt: MappingProxyType[str, str]

    def quoted(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def number(self, count: int) -> str:
        """``count`` in words up to ten, in digits above."""
        return self.numbers[count] if 0 <= count < len(self.numbers) else str(count)


_EN = Language(
    code="en",
    weekdays=_names("Mon Tue Wed Thu Fri Sat Sun"),
    weekdays_long=_names("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    months=_names("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
    months_long=_names("January February March April May June July August September October November December"),
    day_label="{weekday} {day} {month}",
    long_day="{weekday} {day} {month}",
    numbers=_names("no one two three four five six seven eight nine ten"),
    quotes=("“", "”"),
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
            "reports": "{count} reports",
            "unresolved": "Not drawn: {count} phrases with no readable time ({ids})",
            "unresolved_1": "Not drawn: 1 phrase with no readable time ({ids})",
            "limited": "Not drawn for lack of room: {count} more phrases ({ids})",
            "limited_1": "Not drawn for lack of room: 1 more phrase ({ids})",
            "no_event": "Not drawn: {labels} (no time could be given)",
            "offset_change": "→ {offset} from {when}",
        }
    ),
    alt=MappingProxyType(
        {
            "clocks": "Timeline on {count} clocks: {names}.",
            "clocks_1": "Timeline on one clock: {names}.",
            "and": " and ",
            "at": "{when} in {clock}",
            "between": "between {low} and {high} in {clock}",
            "exact": "{label}: {when}.",
            "impossible": "{label}: the reports cannot all be right; it started {robust}.",
            "agreed": "{label}: if every report is right, it started {agreed}. If any one report is wrong: {robust}.",
            "shown": "{count} time phrases shown: {kinds}.",
            "shown_1": "One time phrase shown: {kinds}.",
            "consistent": "{count} consistent",
            "pivotal": "{count} pivotal",
            "conflict": "{count} in conflict",
            "needs_one": "{article} ({outlet}, “{quote}”) holds only on the {clocks} clock.",
            "needs_many": "{article} ({outlet}, “{quote}”) holds only on the {clocks} clocks.",
            "not_drawn": "{count} time phrases not drawn.",
            "not_drawn_1": "One time phrase not drawn.",
            "no_event": "No time could be given for {labels}.",
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
    long_day="{weekday} {day} {month}",
    numbers=_names("zéro un deux trois quatre cinq six sept huit neuf dix"),
    quotes=("«\u202f", "\u202f»"),  # guillemets with a narrow no-break space, as French typesets them
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
            "reports": "{count} articles",
            "unresolved": "Non tracées : {count} expressions sans heure lisible ({ids})",
            "unresolved_1": "Non tracée : 1 expression sans heure lisible ({ids})",
            "limited": "Non tracées faute de place : {count} autres expressions ({ids})",
            "limited_1": "Non tracée faute de place : 1 autre expression ({ids})",
            "no_event": "Non tracé : {labels} (aucune heure connue)",
            "offset_change": "→ {offset} dès {when}",
        }
    ),
    alt=MappingProxyType(
        {
            "clocks": "Chronologie sur {count} horloges : {names}.",
            "clocks_1": "Chronologie sur une horloge : {names}.",
            "and": " et ",
            "at": "{when} à {clock}",
            "between": "entre {low} et {high} à {clock}",
            "exact": "{label} : {when}.",
            "impossible": "{label} : les articles ne peuvent pas tous avoir raison ; début {robust}.",
            "agreed": (
                "{label} : si tous les articles ont raison, début {agreed}. Si un seul article se trompe : {robust}."
            ),
            "shown": "{count} expressions de temps tracées : {kinds}.",
            "shown_1": "Une expression de temps tracée : {kinds}.",
            "consistent": "{count} cohérentes",
            "consistent_1": "1 cohérente",
            "pivotal": "{count} décisives",
            "pivotal_1": "1 décisive",
            "conflict": "{count} en conflit",
            "needs_one": "{article} ({outlet}, « {quote} ») n’est vrai qu’à l’heure de {clocks}.",
            "needs_many": "{article} ({outlet}, « {quote} ») n’est vrai qu’à l’heure de {clocks}.",
            "not_drawn": "{count} expressions de temps non tracées.",
            "not_drawn_1": "Une expression de temps non tracée.",
            "no_event": "Aucune heure n’a pu être donnée pour {labels}.",
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
    long_day="{weekday}, {day}. {month}",
    numbers=_names("null eins zwei drei vier fünf sechs sieben acht neun zehn"),
    quotes=("„", "“"),
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
            "reports": "{count} Berichte",
            "unresolved": "Nicht gezeichnet: {count} Zeitangaben ohne lesbare Zeit ({ids})",
            "unresolved_1": "Nicht gezeichnet: 1 Zeitangabe ohne lesbare Zeit ({ids})",
            "limited": "Aus Platzgründen nicht gezeichnet: {count} weitere Zeitangaben ({ids})",
            "limited_1": "Aus Platzgründen nicht gezeichnet: 1 weitere Zeitangabe ({ids})",
            "no_event": "Nicht gezeichnet: {labels} (keine Zeit bekannt)",
            "offset_change": "→ {offset} ab {when}",
        }
    ),
    alt=MappingProxyType(
        {
            "clocks": "Zeitleiste auf {count} Uhren: {names}.",
            "clocks_1": "Zeitleiste auf einer Uhr: {names}.",
            "and": " und ",
            "at": "{when} in {clock}",
            "between": "zwischen {low} und {high} in {clock}",
            "exact": "{label}: {when}.",
            "impossible": "{label}: Die Berichte können nicht alle stimmen; Beginn {robust}.",
            "agreed": "{label}: Wenn alle Berichte stimmen, Beginn {agreed}. Wenn ein Bericht irrt: {robust}.",
            "shown": "{count} Zeitangaben gezeigt: {kinds}.",
            "shown_1": "Eine Zeitangabe gezeigt: {kinds}.",
            "consistent": "{count} stimmig",
            "pivotal": "{count} entscheidend",
            "conflict": "{count} im Widerspruch",
            "needs_one": "{article} ({outlet}, „{quote}“) gilt nur nach der Uhr von {clocks}.",
            "needs_many": "{article} ({outlet}, „{quote}“) gilt nur nach den Uhren von {clocks}.",
            "not_drawn": "{count} Zeitangaben nicht gezeichnet.",
            "not_drawn_1": "Eine Zeitangabe nicht gezeichnet.",
            "no_event": "Keine Zeit bekannt für {labels}.",
        }
    ),
)

LANGUAGES: MappingProxyType[str, Language] = MappingProxyType({lang.code: lang for lang in (_EN, _FR, _DE)})


def counted(lang: Language, key: str, count: int, *, table: Literal["words", "alt"] = "words", **values: object) -> str:
    """The sentence ``key`` for ``count`` things: the ``key_1`` row when there is exactly one."""
    rows = lang.words if table == "words" else lang.alt
    template = rows.get(f"{key}_1", rows[key]) if count == 1 else rows[key]
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
    """``"Tuesday 21 January"``, ``"mardi 21 janvier"``, ``"Dienstag, 21. Januar"``."""
    return lang.long_day.format(
        weekday=lang.weekdays_long[day.weekday()], day=day.day, month=lang.months_long[day.month - 1]
    )


def offset_label(offset: timedelta) -> str:
    """``"UTC+8"``, ``"UTC−5"``, ``"UTC+5:30"`` (a true minus sign, as typeset)."""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
