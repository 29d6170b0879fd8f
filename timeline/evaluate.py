"""Measure the tagger against human-annotated corpora, the way TempEval-3 Task A did.

Corpus format (``shared/corpora/README.md``): JSON lines, one document a line, with
``doc_id``, ``dct`` (the publication date, the reference for relative expressions), ``text``
and ``timexes`` (``start``, ``end``, ``text``, ``type``, ``value``); offsets count code points
and ``text[start:end] == timex["text"]``. :func:`read_corpus` checks all of that and names the
file, the line and the field of the first problem; :func:`write_corpus` writes it back.

Scoring (:func:`score`), per document:

* **Pairing.** System and gold timexes are paired one to one by overlap of their half-open
  ``[start, end)`` extents. Both lists are walked in document order, sorted by ``start`` and,
  for equal starts, longest first (XML document order: an enclosing tag opens first); timexes
  with identical extents keep their input order. Each system timex pairs with the *first*
  still-unpaired gold timex it overlaps. Consequences, by design of the rule:

  - a system timex that overlaps two gold timexes takes the first; the second stays missed
    unless a later system timex overlaps it;
  - nested gold (``from 2009 to 2011`` enclosing ``2009``, two cases in MEANTIME): a system
    timex for the outer phrase pairs with the outer gold timex, a second one for the inner
    phrase with the inner gold timex; a system that finds *only* ``2009`` pairs with the
    outer gold timex (relaxed match, not strict) and the inner gold timex counts as missed;
  - gold scored against itself always scores 1.0 (each timex meets its twin first).

* **Matches.** Every pair is a relaxed match; a pair with identical ``(start, end)`` is also a
  strict match. Precision = matches / system timexes, recall = matches / gold timexes, F1 their
  harmonic mean, all summed over the whole corpus (micro-averaged).
* **Attributes.** Type and value accuracy = share of relaxed pairs whose ``type`` / ``value``
  strings are identical; value F1 = value accuracy x relaxed F1 (TempEval-3's ranking measure)
  and type F1 = type accuracy x relaxed F1.
* A ratio with nothing to count (precision of an empty output, recall against an empty gold,
  accuracy over no pairs) is reported as 0.0: there is no evidence of skill to report.

The default tagger is ``tag(text, published=dct, tz=None)`` from ``timeline.extract`` (the agreed
interface) or else ``timeline.tagger`` (where it landed); it is imported only when first used,
so importing this module stays cheap (no pandas, no matplotlib).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Literal, Protocol, cast

from .errors import InputError, TimelineError

__all__ = [
    "TIMEX_TYPES",
    "CorpusDoc",
    "CorpusError",
    "ErrorCase",
    "GoldTimex",
    "Scores",
    "Tagger",
    "TaggerOutputError",
    "TaggerUnavailableError",
    "TimexLike",
    "TypeScores",
    "evaluate_tagger",
    "main_eval",
    "main_tag_corpus",
    "pair_timexes",
    "project_tagger",
    "read_corpus",
    "score",
    "tag_documents",
    "write_corpus",
]

TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")

# Keys the reader interprets; every other key of a document line is kept in ``CorpusDoc.extra``.
_DOC_KEYS = ("doc_id", "dct", "text", "timexes")
_TIMEX_KEYS = ("start", "end", "text", "type", "value")


# --------------------------------------------------------------------------- errors


class CorpusError(InputError):
    """A corpus file, or a pair of corpora given to :func:`score`, is malformed."""


class TaggerUnavailableError(TimelineError):
    """``timeline.extract.tag`` cannot be imported (the tagger is not installed or not written yet)."""


class TaggerOutputError(TimelineError, ValueError):
    """The tagger returned a timex whose offsets do not fit the document: a tagger bug."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3: extent ``[start, end)`` in code points, its text, type and value.

    Used for system output too (``write_corpus`` writes system timexes in the same shape).
    """

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class CorpusDoc:
    """One corpus document; ``extra`` keeps the line's other keys (corpus, split, url, ...)."""

    doc_id: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]
    # A dict cannot be hashed; leaving it out of the hash keeps documents usable as dict keys.
    extra: dict[str, object] = field(default_factory=dict, hash=False)


class TimexLike(Protocol):
    """What a tagger must return per time expression (read-only, so dataclasses fit)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> object: ...
    @property
    def value(self) -> object: ...


Tagger = Callable[[str, str], Sequence[TimexLike]]
"""``tagger(text, dct) -> timexes``: the document text and its creation time as in the corpus."""


# --------------------------------------------------------------------------- corpus I/O


def _require(obj: Mapping[str, Any], key: str, kind: type, *, path: object, line: int, prefix: str = "") -> Any:
    """Return ``obj[key]`` if present and of ``kind``; otherwise say where and what to do."""
    name = f"{prefix}{key}"
    if key not in obj:
        raise CorpusError(
            f"missing; every document needs {', '.join(_DOC_KEYS)} and every timex "
            f"{', '.join(_TIMEX_KEYS)} (format: shared/corpora/README.md)",
            file=path,
            row=line,
            field=name,
        )
    value = obj[key]
    # bool is an int subclass; an offset of ``true`` is a bug in whatever wrote the file.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CorpusError(
            f"is {value!r} ({type(value).__name__}); it must be {kind.__name__}: fix that line",
            file=path,
            row=line,
            field=name,
        )
    return value


def _parse_timex(raw: object, text: str, *, path: object, line: int, index: int) -> GoldTimex:
    prefix = f"timexes[{index}]."
    if not isinstance(raw, dict):
        raise CorpusError(
            f"is {raw!r}; each timex must be an object with {', '.join(_TIMEX_KEYS)}",
            file=path,
            row=line,
            field=f"timexes[{index}]",
        )
    start, end = (_require(raw, k, int, path=path, line=line, prefix=prefix) for k in ("start", "end"))
    ttext, ttype, tvalue = (
        _require(raw, k, str, path=path, line=line, prefix=prefix) for k in ("text", "type", "value")
    )
    if not 0 <= start < end <= len(text):
        raise CorpusError(
            f"extent [{start}, {end}) is not inside the document text (length {len(text)}) or is "
            "empty; offsets count code points from the start of 'text', end excluded",
            file=path,
            row=line,
            field=f"{prefix}start",
        )
    if text[start:end] != ttext:
        raise CorpusError(
            f"text[{start}:{end}] is {text[start:end]!r} but the timex text is {ttext!r}; fix the "
            "offsets (code points, end excluded) or the text so that they agree",
            file=path,
            row=line,
            field=f"{prefix}text",
        )
    return GoldTimex(start, end, ttext, ttype, tvalue)


def _parse_doc(obj: object, *, path: object, line: int) -> CorpusDoc:
    if not isinstance(obj, dict):
        raise CorpusError(
            f"is a JSON {type(obj).__name__}, not an object; each line must be one document object",
            file=path,
            row=line,
        )
    doc_id = _require(obj, "doc_id", str, path=path, line=line)
    dct = _require(obj, "dct", str, path=path, line=line)
    text = _require(obj, "text", str, path=path, line=line)
    raw_timexes = _require(obj, "timexes", list, path=path, line=line)
    if not dct.strip():
        raise CorpusError(
            "is empty; give the publication date (e.g. 2008-03-01): relative expressions are resolved against it",
            file=path,
            row=line,
            field="dct",
        )
    timexes = tuple(_parse_timex(raw, text, path=path, line=line, index=i) for i, raw in enumerate(raw_timexes))
    extra = {k: v for k, v in obj.items() if k not in _DOC_KEYS}
    return CorpusDoc(doc_id, dct, text, timexes, extra)


def read_corpus(path: str | os.PathLike[str]) -> list[CorpusDoc]:
    """Read a JSON-lines corpus, checking every line; blank lines are skipped.

    Raises :class:`CorpusError` (an ``InputError``) naming the file, the line and the field.
    """
    docs: list[CorpusDoc] = []
    seen: dict[str, int] = {}
    try:
        data = Path(path).read_bytes()  # bytes, so that a bad encoding can be reported with its line
    except OSError as exc:
        raise CorpusError(f"cannot be read ({exc.strerror}); give the path of a .jsonl corpus file", file=path) from exc
    for line, raw in enumerate(data.split(b"\n"), start=1):
        try:
            # A byte-order mark (Windows editors) is harmless; accept it on the first line.
            decoded = raw.decode("utf-8-sig" if line == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusError(
                f"is not UTF-8 ({exc.reason} at byte {exc.start}); save the file as UTF-8",
                file=path,
                row=line,
            ) from exc
        if not decoded.strip():
            continue
        try:
            obj = json.loads(decoded)
        except json.JSONDecodeError as exc:
            raise CorpusError(
                f"is not valid JSON ({exc.msg} at column {exc.colno}); each line must hold exactly one JSON object",
                file=path,
                row=line,
            ) from exc
        doc = _parse_doc(obj, path=path, line=line)
        if doc.doc_id in seen:
            # Scores are joined by doc_id, so a repeated id would silently drop a document.
            raise CorpusError(
                f"{doc.doc_id!r} was already used on line {seen[doc.doc_id]}; give each document its own id",
                file=path,
                row=line,
                field="doc_id",
            )
        seen[doc.doc_id] = line
        docs.append(doc)
    return docs


def _doc_to_json(doc: CorpusDoc) -> dict[str, object]:
    # Known keys first, in the corpus files' order, then whatever else the line carried.
    out: dict[str, object] = {"doc_id": doc.doc_id}
    out.update(doc.extra)
    out["dct"] = doc.dct
    out["text"] = doc.text
    out["timexes"] = [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in doc.timexes
    ]
    return out


def write_corpus(docs: Iterable[CorpusDoc], path: str | os.PathLike[str]) -> None:
    """Write documents in the corpus format (UTF-8 JSON lines), keeping each one's ``extra`` keys.

    The file is written beside the target and renamed into place, so an interrupted run never
    leaves half a corpus behind (and ``path`` may be the file the documents were read from).
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for doc in docs:
                handle.write(json.dumps(_doc_to_json(doc), ensure_ascii=False))
                handle.write("\n")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CorpusError(f"cannot be written ({exc.strerror}); check the folder exists", file=path) from exc


# --------------------------------------------------------------------------- scoring


def _document_order(timexes: Iterable[GoldTimex]) -> list[GoldTimex]:
    # Longest first on equal starts: an enclosing expression comes before what it encloses.
    return sorted(timexes, key=lambda t: (t.start, -t.end))


def pair_timexes(
    gold: Iterable[GoldTimex], system: Iterable[GoldTimex]
) -> tuple[list[tuple[GoldTimex, GoldTimex]], list[GoldTimex], list[GoldTimex]]:
    """Pair one document's timexes as the module docstring says.

    Returns ``(pairs as (gold, system), unpaired gold, unpaired system)``, each in document order.
    """
    golds = _document_order(gold)
    paired = [False] * len(golds)
    pairs: list[tuple[GoldTimex, GoldTimex]] = []
    spurious: list[GoldTimex] = []
    first_open = 0  # no gold timex before this index can pair with this or any later system timex
    for sys_timex in _document_order(system):
        # System starts only grow, so a gold timex ending before this one starts is out of reach.
        while first_open < len(golds) and (paired[first_open] or golds[first_open].end <= sys_timex.start):
            first_open += 1
        match = None
        for j in range(first_open, len(golds)):
            if golds[j].start >= sys_timex.end:
                break  # gold is sorted by start: nothing further can overlap
            if not paired[j] and golds[j].end > sys_timex.start:
                match = j
                break
        if match is None:
            spurious.append(sys_timex)
        else:
            paired[match] = True
            pairs.append((golds[match], sys_timex))
    missed = [g for g, done in zip(golds, paired, strict=True) if not done]
    return pairs, missed, spurious


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class TypeScores:
    """Recall and value accuracy for the gold timexes of one TIMEX3 type."""

    type: str
    gold: int
    found: int  # paired with a system timex (relaxed)
    value_correct: int

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.found)


ErrorKind = Literal["missed", "spurious", "wrong value"]
_ERROR_KINDS: tuple[ErrorKind, ...] = ("missed", "spurious", "wrong value")


@dataclass(frozen=True)
class ErrorCase:
    """One error for error analysis; ``context`` shows the text around it with the extent in [ ]."""

    kind: ErrorKind
    doc_id: str
    gold: GoldTimex | None
    system: GoldTimex | None
    context: str

    def describe(self) -> str:
        def show(t: GoldTimex | None) -> str:
            return "-" if t is None else f"{t.text!r} {t.type} {t.value}"

        head = f"{self.kind:<11}  {self.doc_id}  gold {show(self.gold)}  system {show(self.system)}"
        return f"{head}\n{'':13}{self.context}"


@dataclass(frozen=True)
class Scores:
    """Counts over a corpus; every figure is derived from them, so they can never disagree."""

    docs: int
    gold: int
    system: int
    relaxed: int  # pairs
    strict: int  # pairs with identical extents
    type_correct: int
    value_correct: int
    by_type: tuple[TypeScores, ...] = ()
    errors: tuple[ErrorCase, ...] = ()

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_correct, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1

    def errors_of(self, kind: ErrorKind) -> list[ErrorCase]:
        return [e for e in self.errors if e.kind == kind]

    def figures(self) -> dict[str, float]:
        names = ("precision", "recall", "f1")
        out = {f"{m}_{n}": getattr(self, f"{m}_{n}") for m in ("strict", "relaxed") for n in names}
        for attr in ("type", "value"):
            out[f"{attr}_accuracy"] = getattr(self, f"{attr}_accuracy")
            out[f"{attr}_f1"] = getattr(self, f"{attr}_f1")
        return out

    def to_dict(self, errors: int = 0) -> dict[str, object]:
        """Counts, figures, per-type breakdown and up to ``errors`` errors of each kind, for JSON."""
        counts = {k: getattr(self, k) for k in ("docs", "gold", "system", "relaxed", "strict")}
        counts |= {"type_correct": self.type_correct, "value_correct": self.value_correct}
        return {
            "counts": counts,
            "scores": self.figures(),
            "by_type": {
                t.type: {
                    "gold": t.gold,
                    "found": t.found,
                    "value_correct": t.value_correct,
                    "recall": t.recall,
                    "value_accuracy": t.value_accuracy,
                }
                for t in self.by_type
            },
            "errors": {
                kind: [
                    {
                        "doc_id": e.doc_id,
                        "gold": None if e.gold is None else vars(e.gold),
                        "system": None if e.system is None else vars(e.system),
                        "context": e.context,
                    }
                    for e in self.errors_of(kind)[:errors]
                ]
                for kind in _ERROR_KINDS
            },
        }

    def format(self, errors: int = 0) -> str:
        """A small plain-text table; with ``errors=N``, up to N examples of each kind of error."""
        lines = [
            f"TempEval-3 Task A: {self.docs} documents, {self.gold} gold timexes, {self.system} system timexes",
            "",
            f"{'':10}{'precision':>10}{'recall':>8}{'F1':>8}",
        ]
        for match in ("strict", "relaxed"):
            p, r, f = (getattr(self, f"{match}_{n}") for n in ("precision", "recall", "f1"))
            lines.append(f"{match:<10}{p:>10.3f}{r:>8.3f}{f:>8.3f}")
        lines += ["", f"{'':10}{'accuracy':>10}{'':>8}{'F1':>8}"]
        for attr in ("type", "value"):
            acc, f1 = getattr(self, f"{attr}_accuracy"), getattr(self, f"{attr}_f1")
            lines.append(f"{attr:<10}{acc:>10.3f}{'':>8}{f1:>8.3f}")
        lines += ["", f"{'gold type':<10}{'gold':>6}{'found':>7}{'recall':>8}{'value acc':>11}"]
        for t in self.by_type:
            lines.append(f"{t.type:<10}{t.gold:>6}{t.found:>7}{t.recall:>8.3f}{t.value_accuracy:>11.3f}")
        if errors > 0:
            tally = ", ".join(f"{len(self.errors_of(k))} {k}" for k in _ERROR_KINDS)
            lines += ["", f"errors ({tally}; up to {errors} of each):"]
            for kind in _ERROR_KINDS:
                lines += [e.describe() for e in self.errors_of(kind)[:errors]]
        return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{left}[{text[start:end]}]{right}"
    # One line per error in the report, whatever the document's line breaks.
    return " ".join(snippet.split())


def _some(ids: Sequence[str], shown: int = 3) -> str:
    if not ids:
        return "none"
    return ", ".join(map(repr, ids[:shown])) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def _check_aligned(gold_docs: Sequence[CorpusDoc], system_docs: Sequence[CorpusDoc]) -> dict[str, CorpusDoc]:
    by_id: dict[str, CorpusDoc] = {}
    for doc in system_docs:
        if doc.doc_id in by_id:
            raise CorpusError(
                f"{doc.doc_id!r} appears twice in the system output; give one result per document",
                field="doc_id",
            )
        by_id[doc.doc_id] = doc
    gold_ids = {d.doc_id for d in gold_docs}
    missing = [d.doc_id for d in gold_docs if d.doc_id not in by_id]
    extra = [i for i in by_id if i not in gold_ids]
    if missing or extra:
        raise CorpusError(
            f"system output does not cover the same documents as the gold corpus (missing: "
            f"{_some(missing)}, not in gold: {_some(extra)}); tag exactly the documents of the gold corpus",
            field="doc_id",
        )
    for doc in gold_docs:
        if by_id[doc.doc_id].text != doc.text:
            raise CorpusError(
                f"document {doc.doc_id!r} has a different text in the system output, so offsets "
                "cannot be compared; tag the gold text unchanged",
                field="text",
            )
    return by_id


def score(gold_docs: Sequence[CorpusDoc], system_docs: Sequence[CorpusDoc]) -> Scores:
    """Score system timexes against gold ones (documents joined by ``doc_id``; texts must agree)."""
    by_id = _check_aligned(gold_docs, system_docs)
    kinds = list(TIMEX_TYPES) + sorted({t.type for d in gold_docs for t in d.timexes if t.type not in TIMEX_TYPES})
    per_type = {k: [0, 0, 0] for k in kinds}  # gold, found, value correct
    n_gold = n_system = n_relaxed = n_strict = n_type = n_value = 0
    errors: list[ErrorCase] = []
    for doc in gold_docs:
        system = by_id[doc.doc_id].timexes
        pairs, missed, spurious = pair_timexes(doc.timexes, system)
        n_gold += len(doc.timexes)
        n_system += len(system)
        n_relaxed += len(pairs)
        for t in doc.timexes:
            per_type[t.type][0] += 1
        for g, s in pairs:
            value_ok = g.value == s.value
            n_strict += (g.start, g.end) == (s.start, s.end)
            n_type += g.type == s.type
            n_value += value_ok
            per_type[g.type][1] += 1
            per_type[g.type][2] += value_ok
            if not value_ok:
                ctx = _context(doc.text, min(g.start, s.start), max(g.end, s.end))
                errors.append(ErrorCase("wrong value", doc.doc_id, g, s, ctx))
        for g in missed:
            errors.append(ErrorCase("missed", doc.doc_id, g, None, _context(doc.text, g.start, g.end)))
        for s in spurious:
            errors.append(ErrorCase("spurious", doc.doc_id, None, s, _context(doc.text, s.start, s.end)))
    return Scores(
        docs=len(gold_docs),
        gold=n_gold,
        system=n_system,
        relaxed=n_relaxed,
        strict=n_strict,
        type_correct=n_type,
        value_correct=n_value,
        by_type=tuple(TypeScores(k, *per_type[k]) for k in kinds),
        errors=tuple(errors),
    )


# --------------------------------------------------------------------------- running the tagger


# Where ``tag(text, published=..., tz=...)`` may live: the agreed interface is timeline.extract.tag;
# the implementation landed as timeline.tagger.tag (it imports extract, so extract cannot re-export
# it without an import cycle). The first module that defines it wins.
_TAGGER_MODULES = ("timeline.extract", "timeline.tagger")


def _find_tag() -> Callable[..., Sequence[TimexLike]] | None:
    for name in _TAGGER_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # Only the module itself being absent means "not here"; a missing dependency inside it
            # is a real bug and must surface as one.
            if exc.name not in (name, "timeline"):
                raise
            continue
        tag = getattr(module, "tag", None)
        if callable(tag):
            return cast(Callable[..., Sequence[TimexLike]], tag)
    return None


def project_tagger() -> Tagger:
    """The project's tagger as a :data:`Tagger`; raises :class:`TaggerUnavailableError` if absent."""
    tag = _find_tag()
    if tag is None:
        raise TaggerUnavailableError(
            f"none of {', '.join(_TAGGER_MODULES)} defines tag(text, published=..., tz=...), so there is "
            "no tagger to evaluate; score an already-tagged file with "
            "`timeline eval GOLD --system TAGGED.jsonl`"
        )

    def run(text: str, dct: str) -> Sequence[TimexLike]:
        return tag(text, published=dct, tz=None)

    return run


def _as_str(attr: object) -> str:
    # Values are compared as exact strings; accept enums and None (an unresolved value) as well.
    if attr is None:
        return ""
    if isinstance(attr, Enum) and not isinstance(attr, str):
        return str(attr.value)
    return str(attr)


def _system_timexes(doc: CorpusDoc, found: Sequence[TimexLike]) -> tuple[GoldTimex, ...]:
    out = []
    for item in found:
        if item.type is None:
            continue  # not a TIMEX3 (e.g. "as Trump began his term"): TimeML does not tag it
        start, end = item.start, item.end
        if not 0 <= start < end <= len(doc.text):
            raise TaggerOutputError(
                f"the tagger returned extent [{start}, {end}) for {item.text!r} in document "
                f"{doc.doc_id!r} of length {len(doc.text)}"
            )
        # The offsets are what gets scored; take the text from them so the output file is consistent.
        out.append(GoldTimex(start, end, doc.text[start:end], _as_str(item.type), _as_str(item.value)))
    return tuple(out)


def tag_documents(docs: Iterable[CorpusDoc], tagger: Tagger | None = None) -> list[CorpusDoc]:
    """Run ``tagger`` (default: the project's) on each document with its ``dct`` as publication date.

    Returns the same documents with the system's timexes in place of the gold ones.
    """
    run = tagger if tagger is not None else project_tagger()
    tagged = []
    for doc in docs:
        try:
            found = run(doc.text, doc.dct)
        except Exception as exc:
            exc.add_note(f"while tagging document {doc.doc_id!r} (dct {doc.dct!r})")
            raise
        tagged.append(CorpusDoc(doc.doc_id, doc.dct, doc.text, _system_timexes(doc, found), dict(doc.extra)))
    return tagged


def evaluate_tagger(corpus_path: str | os.PathLike[str], tagger: Tagger | None = None) -> Scores:
    """Tag every document of a corpus with its ``dct`` as publication date and score the result."""
    gold = read_corpus(corpus_path)
    return score(gold, tag_documents(gold, tagger))


# --------------------------------------------------------------------------- command line


def _non_negative(text: str) -> int:
    number = int(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {number}")
    return number


def main_eval(argv: list[str]) -> int:
    """``timeline eval CORPUS.jsonl [--errors N] [--json] [--system TAGGED.jsonl]``.

    Exit codes, as the rest of the CLI: 0 scored; 2 bad arguments, bad input or no tagger (one line on
    stderr, no traceback).
    """
    parser = argparse.ArgumentParser(
        prog="timeline eval",
        description="Score the tagger against a TIMEX3 corpus (TempEval-3 Task A: strict and relaxed "
        "P/R/F1, type and value accuracy, value F1).",
    )
    parser.add_argument("corpus", help="gold corpus, JSON lines (see shared/corpora/README.md)")
    parser.add_argument(
        "--errors",
        type=_non_negative,
        default=0,
        metavar="N",
        help="show up to N missed, N spurious and N wrong-value examples",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--system",
        metavar="TAGGED.jsonl",
        help="score this already-tagged corpus instead of running the tagger",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on bad arguments; we return instead
        return exc.code if isinstance(exc.code, int) else 2
    try:
        gold = read_corpus(args.corpus)
        system = read_corpus(args.system) if args.system else tag_documents(gold)
        scores = score(gold, system)
    except TimelineError as exc:
        print(f"timeline eval: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores.to_dict(errors=args.errors), indent=2))
    else:
        print(scores.format(errors=args.errors))
    return 0


def main_tag_corpus(in_path: str | os.PathLike[str], out_path: str | os.PathLike[str]) -> int:
    """``timeline tag --corpus IN.jsonl --out OUT.jsonl``: tag each document with its dct, write the corpus.

    Exit codes, as the rest of the CLI: 0 written; 2 bad input or no tagger (one line on stderr).
    """
    began = time.perf_counter()
    try:
        docs = read_corpus(in_path)
        tagged = tag_documents(docs)
        write_corpus(tagged, out_path)
    except TimelineError as exc:
        print(f"timeline tag: error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - began
    n_timexes = sum(len(d.timexes) for d in tagged)
    size_kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1000
    print(
        f"tagged {len(docs)} documents ({size_kb:.1f} KB of text) from {in_path}: "
        f"{n_timexes} timexes in {seconds:.2f} s -> {out_path}"
    )
    return 0
