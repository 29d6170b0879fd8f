"""One warm pass of the tagger over a corpus, for counting instructions with callgrind (not a test).

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=map_next \\
        --callgrind-out-file=/tmp/tagger.callgrind python scripts/tagger_instructions.py [CORPUS.jsonl]
    callgrind_annotate /tmp/tagger.callgrind | grep "PROGRAM TOTALS"

Wall-clock time on this machine drifts by up to 1.7x; the number of instructions executed does
not. Every document is tagged once first (imports, grammar, interpreter warm-up), then once more
through ``map``: with ``--toggle-collect=map_next`` callgrind counts only that second pass.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # count the checkout this script lives in

from timeline.evaluate import read_corpus  # noqa: E402
from timeline.tagger import tag  # noqa: E402


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else REPO.parent / "shared" / "corpora" / "meantime-en.jsonl"
    if not path.is_file():
        print(f"no corpus at {path}: give a corpus path")
        return 2
    pairs = [(doc.text, doc.dct) for doc in read_corpus(path)]
    for text, dct in pairs:
        tag(text, published=dct)
    collections.deque(map(lambda pair: tag(pair[0], published=pair[1]), pairs), maxlen=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
