"""Fuzz whole stories: the example story with random article texts or damaged CSV cells (not a test).

    python scripts/fuzz_story.py [--mode texts|cells] [--seed N] [--stories N] [--rate P]

``texts``: every article's text becomes a word salad of time words and the story's event words,
then the story is reconciled and its report written (figures included). ``cells``: cells of
``articles.csv`` are replaced, with probability P each, by bad publication times, zones,
languages, HTML and control characters, then the folder is analysed and reported. An
InputError (naming file, row and field) is a good answer to bad input; any other exception is a
bug. Prints the first failures and the counts.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import random
import shutil
import sys
import tempfile
import traceback
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the checkout this script lives in

from fuzz_tagger import WORDS  # noqa: E402  (same folder)

import timeline  # noqa: E402
from timeline.errors import InputError  # noqa: E402
from timeline.model import Story  # noqa: E402

EXAMPLE = REPO / "examples" / "xi_putin_call"
BAD_CELLS = {
    "published": ["", "2025-01-21", "2025-01-21T03:00:00Z", "21/01/2025", "yesterday", "2025-13-45",
                  "Jan 21, 2025 2:03 PM CST", "0001-01-01", "9999-12-31T23:59:59+14:00", "NaT", "  ", "1e9"],
    "newsroom_zone": ["", "America/New_York", "EST", "UTC+14:00", "Asia/Shanghai", "GMT", "Pacific/Kiritimati"],
    "language": ["en", "", "fr", "EN", "xx"],
    "text": ["", "<p>On <b>Monday</b> the call</p>", "xxxxx", "The call was on Tuesday. " * 2000,
             "\x00\x01 Monday \x7f", "Звонок состоялся вчера.", "&amp; &lt;call&gt; on 20 January",
             "hours after the inauguration, a day after Trump was sworn in, yesterday"],
}


def event_words(story: Story) -> list[str]:
    found = [word for event in story.events for field in dataclasses.fields(event)
             for value in [getattr(event, field.name)] if isinstance(value, tuple)
             for word in value if isinstance(word, str) and word]
    return found or ["call"]


def salads(rng: random.Random, words: list[str]) -> Path:
    """A copy of the example whose articles' texts are word salads (written as its CSV's text cells)."""
    folder = damaged(rng, 0.0)
    rows = list(csv.DictReader(io.StringIO((folder / "articles.csv").read_text(encoding="utf-8"))))
    for row in rows:
        pool = [rng.choice(WORDS if rng.random() < 0.7 else words) for _ in range(rng.randint(3, 60))]
        row["text"], row["text_file"] = " ".join(pool), ""
    write_rows(folder, rows)
    return folder


def damaged(rng: random.Random, rate: float) -> Path:
    """A copy of the example whose articles.csv cells are replaced, each with probability ``rate``."""
    folder = Path(tempfile.mkdtemp()) / "story"
    shutil.copytree(EXAMPLE, folder)
    rows = list(csv.DictReader(io.StringIO((folder / "articles.csv").read_text(encoding="utf-8"))))
    for row in rows:
        for field, choices in BAD_CELLS.items():
            if rng.random() < rate:
                row[field] = rng.choice(choices)
                if field == "text":
                    row["text_file"] = ""
    write_rows(folder, rows)
    return folder


def write_rows(folder: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (folder / "articles.csv").write_text(out.getvalue(), encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mode", choices=("texts", "cells"), default="texts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--rate", type=float, default=0.1, help="cells mode: chance that a cell is replaced")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the example's own note on boilerplate
        words = event_words(timeline.load_story(EXAMPLE))
    crashes = input_errors = 0
    for _ in range(args.stories):
        folder = salads(rng, words) if args.mode == "texts" else damaged(rng, args.rate)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # lossy input is warned about; only failures count here
                timeline.analyze(folder).save_report(folder.parent / "out")
        except InputError:
            input_errors += 1
        except Exception:  # every other kind is a bug
            crashes += 1
            if crashes <= 3:
                traceback.print_exc(limit=8)
        finally:
            shutil.rmtree(folder.parent)
    print(f"{crashes} crashes, {input_errors} input errors in {args.stories} stories ({args.mode}, seed {args.seed})")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
