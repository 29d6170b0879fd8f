"""The ``timeline`` command: ``report``, ``tag`` and ``eval``."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import InputError, TimelineError, TimelineWarning

__all__ = ["main"]


def _report(args: argparse.Namespace) -> int:
    from .pipeline import analyze
    from .reconcile import ReconcileOptions

    result = analyze(args.story, options=ReconcileOptions(workers=args.workers))
    written = result.save_report(args.out)
    counts = result.counts()
    print(f"{result.story.title}: {len(result.claim_outcomes)} time expressions "
          f"({', '.join(f'{n} {s}' for s, n in sorted(counts.items()))}) in {len(result.story.articles)} articles")
    for outcome in result.event_outcomes:
        agreed = outcome.agreed_start
        robust = outcome.start
        print(f"  {outcome.label}: agreed {_span(agreed)}; robust {_span(robust)}")
    for name in sorted(written):
        print(f"  wrote {written[name]}")
    return 0


def _span(window: object) -> str:
    if window is None:
        return "none"
    return f"{window.earliest:%Y-%m-%d %H:%M}..{window.latest:%Y-%m-%d %H:%M} UTC"  # type: ignore[attr-defined]


def _tag(args: argparse.Namespace) -> int:
    if args.corpus:
        from .evaluate import main_tag_corpus

        if not args.out:
            raise InputError("--corpus needs --out OUT.jsonl")
        return main_tag_corpus(args.corpus, args.out)
    from .tagger import tag

    if args.text is None or args.text == "-":
        text = sys.stdin.read()
    elif Path(args.text).is_file():
        text = Path(args.text).read_text(encoding="utf-8")
    else:
        text = args.text
    for timex in tag(text, published=args.published, tz=args.tz):
        print(json.dumps(timex.to_dict(), ensure_ascii=False))
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of processes, 1 or more")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Reconstruct when things happened from news reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    report = sub.add_parser("report", help="build the report of a story folder (story.toml + articles.csv)")
    report.add_argument("story", help="the story folder")
    report.add_argument("--out", default="reports", help="output folder (default: reports/)")
    report.add_argument("--workers", type=_positive, default=None,
                        help="processes that solve a large story's parts side by side (default: decided by size)")
    report.set_defaults(run=_report)
    tag = sub.add_parser("tag", help="find time expressions in a text or file; JSON lines out")
    tag.add_argument("text", nargs="?", help="the text, a file holding it, or - for standard input")
    tag.add_argument("--published", help="publication date/time (ISO 8601) that relative dates count from")
    tag.add_argument("--tz", help="the newsroom's time zone (IANA name)")
    tag.add_argument("--corpus", help="tag every document of a corpus (JSON lines, see docs)")
    tag.add_argument("--out", help="with --corpus: where to write the tagged corpus")
    tag.set_defaults(run=_tag)
    sub.add_parser("eval", help="score the tagger on an annotated corpus (TempEval-3 Task A); see eval --help")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["eval"]:
        # The scorer has its own options (and --help); hand them over untouched.
        from .evaluate import main_eval

        return _guarded(lambda: main_eval(arguments[1:]))
    args = _parser().parse_args(arguments)
    return _guarded(lambda: int(args.run(args)))


def _guarded(action: Callable[[], int]) -> int:
    """Run a command; input errors become one line on stderr and exit status 2, not a traceback."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", TimelineWarning)
        warnings.showwarning = _show_warning  # type: ignore[assignment]
        try:
            return action()
        except BrokenPipeError:
            # `timeline tag ... | head`: the reader left; stop quietly like other Unix tools.
            sys.stderr.close()
            return 0
        except TimelineError as error:
            print(f"timeline: error: {error}", file=sys.stderr)
            return 2


def _show_warning(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
    print(f"timeline: warning: {message}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
