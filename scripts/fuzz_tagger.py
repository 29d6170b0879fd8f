"""Random word salads through ``tag``: every call must return, with every span inside the text (not a test).

    python scripts/fuzz_tagger.py [--seed N] [--texts N] [--published D1,D2,...]

Texts are 1 to 30 words drawn from time words, numbers and punctuation, with publication dates
and zones drawn from the lists below (``--published`` replaces the dates; an empty item means
none). Prints the first failures and their count. Each failure is a bug: bad input must give an
unresolved value with its reason, never an exception from inside the tagger.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout this script lives in

from timeline import tag

_TIME_WORDS = (
    "In January March 21 2008 1999 the next day later two hours after Monday noon ET last week ago of May a "
    "year since , . - '90s spring every BC 480 now at 11:00 a.m. that early decade 9999 0 00 31 February 29 "
    "century centuries 1 AD B.C. Q4 quarter weeks months Mondays nights fall winter Christmas Easter midnight "
    "GMT UTC+14 – to and between from until '11 1900s 20th first half this tomorrow yesterday tonight previous "
    "following same time period few several"
)
WORDS = [*_TIME_WORDS.split(" "), "\n"]
PUBLISHED = ["2025-01-21", "", "2008-02-29T23:30:00+14:00", "0001-01-02", "9999-12-30"]
ZONES = [None, "America/New_York", "Pacific/Kiritimati", "UTC"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--texts", type=int, default=20000)
    parser.add_argument("--published", default=",".join(PUBLISHED), help="comma-separated ISO dates")
    args = parser.parse_args(argv)
    published = [p or None for p in args.published.split(",")]
    rng = random.Random(args.seed)
    failures = 0
    for _ in range(args.texts):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
        when, zone = rng.choice(published), rng.choice(ZONES)
        try:
            for found in tag(text, published=when, tz=zone):
                if not (0 <= found.start < found.end <= len(text) and text[found.start:found.end] == found.text):
                    raise AssertionError(f"span {found.start}..{found.end} does not hold {found.text!r}")
        except Exception as exc:  # every kind is a finding
            failures += 1
            if failures <= 10:
                print(f"{text!r} published={when} tz={zone}: {type(exc).__name__}: {exc}")
    print(f"{failures} failures in {args.texts} texts (seed {args.seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
