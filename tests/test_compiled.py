"""The optional mypyc build (``scripts/compile.py``, module list in ``timeline/_compiled.py``).

The package is copied twice and one copy is compiled (once for this module: it takes about a
minute); then the same inputs go through both copies, each in a new process, and their answers
must be identical: the solver on a synthetic story, the tagger on the evaluation corpora and on
word salads from ``scripts/fuzz_tagger.py``, and the errors of the public entry points on
arguments they refuse.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from timeline import _compiled
from timeline.errors import TimelineWarning

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
ZONES = ("", "America/New_York")  # "": no zone
FUZZ_TEXTS = 3000


@pytest.mark.parametrize(("group", "module"), [("solver", "timeline.reconcile.solver"),
                                               ("tagger", "timeline.extract.grammar")])
def test_a_compiled_module_older_than_its_source_is_warned_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 group: str, module: str) -> None:
    monkeypatch.setattr(_compiled, "_PACKAGE", tmp_path)
    source = tmp_path.joinpath(*module.split(".")[1:]).with_suffix(".py")
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("")
    built = source.with_name(source.stem + EXTENSION_SUFFIXES[0])
    built.write_text("")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _compiled.warn_if_stale(group)  # as new as its source: quiet
    os.utime(built, (1, 1))
    with pytest.warns(TimelineWarning, match=rf"older than {source.name}.*scripts/compile.py"):
        _compiled.warn_if_stale(group)
    assert _compiled.compiled_modules(group) == _compiled.compiled_modules() == {module: built}


def test_every_listed_module_is_in_one_group_and_has_a_source() -> None:
    assert len(set(_compiled.MODULES)) == len(_compiled.MODULES)
    assert "timeline.model" not in _compiled.MODULES  # see timeline/_compiled.py
    for module in _compiled.MODULES:
        assert _compiled._source(module).is_file(), module


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two copies of the package, without any compiled module the checkout may hold: the first
    compiled with ``scripts/compile.py``, the second pure Python."""
    pytest.importorskip("mypyc")
    pytest.importorskip("setuptools")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler: the optional compiled modules cannot be built here")
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        pytest.skip("no Python headers (Python.h): the optional compiled modules cannot be built here")
    root = tmp_path_factory.mktemp("builds")
    fast, plain = root / "compiled", root / "plain"
    for copy in (fast, plain):
        shutil.copytree(REPO / "timeline", copy / "timeline",
                        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
        (copy / "scripts").mkdir()
        for name in ("pyproject.toml", "scripts/compile.py", "scripts/fuzz_tagger.py"):
            shutil.copy(REPO / name, copy / name)
    built = subprocess.run([sys.executable, "scripts/compile.py"], cwd=fast, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    return fast, plain


def _run(root: Path, group: str, script: str, *args: str) -> list[str]:
    """The output lines of ``script`` run in a new process on the copy at ``root`` (with ``args``
    as its ``args``), then a line naming the modules of ``group`` it imported compiled."""
    run = subprocess.run([sys.executable, "-c", _PRELUDE + script + _EPILOGUE, group, *args], cwd=root,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.splitlines()


def _compare(builds: tuple[Path, Path], group: str, script: str, *args: str) -> list[str]:
    """The output of ``script`` in both copies, checked to be the same, and the modules of
    ``group`` checked to run compiled in the first and not in the second; returns the lines."""
    fast, plain = (_run(root, group, script, *args) for root in builds)
    assert (fast.pop(), plain.pop()) == (repr(sorted(_compiled.GROUPS[group])), "[]")
    assert len(fast) == len(plain)
    for line, (one, two) in enumerate(zip(fast, plain, strict=True), start=1):
        assert one == two, f"line {line}: compiled {one[:500]!r}, pure Python {two[:500]!r}"
    return plain


# Around each script: the package must be the copy's (the process runs in it), and a compiled
# module older than its source is an error.
_PRELUDE = """
import sys, warnings
from pathlib import Path
import timeline
from timeline.errors import TimelineWarning
assert Path(timeline.__file__).resolve().parents[1] == Path.cwd().resolve(), timeline.__file__
warnings.filterwarnings("error", message=".*older than", category=TimelineWarning)
group, args = sys.argv[1], sys.argv[2:]
"""
_EPILOGUE = """
from importlib.machinery import ExtensionFileLoader
from timeline._compiled import GROUPS
print(sorted(m for m in GROUPS[group] if isinstance(getattr(sys.modules.get(m), "__loader__", None),
                                                    ExtensionFileLoader)))
"""

_SOLVER = """
sys.path.insert(0, args[0])
from helpers import synthetic
from timeline.reconcile import ReconcileOptions, reconcile
s, claims = synthetic(300, chain=3, wrong_rate=0.03, seed=3)
print(repr(reconcile(s, claims, options=ReconcileOptions(workers=1))))
"""


def test_the_compiled_solver_gives_the_same_answers(builds: tuple[Path, Path]) -> None:
    assert len(_compare(builds, "solver", _SOLVER, str(REPO / "tests"))) == 1


_TAG = """
import json
from timeline.tagger import tag
def emit_tags(text, published):
    for zone in ZONES:
        try:
            found = json.dumps([t.to_dict() for t in tag(text, published=published, tz=zone or None)], default=str)
        except Exception as error:  # a bug either way, but the same bug in both is what is compared here
            found = f"{type(error).__name__}: {error}"
        print(found)
"""


@pytest.mark.parametrize("corpus", ["meantime-en.jsonl", "wikiwars.jsonl"])
def test_the_compiled_tagger_gives_the_same_answers_on_the_corpora(builds: tuple[Path, Path], corpus: str) -> None:
    path = CORPORA / corpus
    if not path.is_file():
        pytest.skip(f"corpus {path} is not here (shared/corpora beside the checkout); the word salads are compared "
                    "without it")
    script = _TAG + """
from timeline.evaluate import read_corpus
for doc in read_corpus(args[0]):
    emit_tags(doc.text, doc.dct)
"""
    lines = _compare(builds, "tagger", f"ZONES = {ZONES!r}\n" + script, str(path))
    assert len(lines) > 2 * 20 and sum(line != "[]" for line in lines) > len(lines) / 2


def test_the_compiled_tagger_gives_the_same_answers_on_word_salads(builds: tuple[Path, Path]) -> None:
    # The texts scripts/fuzz_tagger.py makes (its words and publication dates, seed 0), in two zones.
    script = _TAG + """
import random
sys.path.insert(0, "scripts")
from fuzz_tagger import PUBLISHED, WORDS
rng = random.Random(0)
for _ in range(int(args[0])):
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
    emit_tags(text, rng.choice(PUBLISHED) or None)
"""
    lines = _compare(builds, "tagger", f"ZONES = {ZONES!r}\n" + script, str(FUZZ_TEXTS))
    assert len(lines) == 2 * FUZZ_TEXTS
    assert not [line for line in lines if not line.startswith("[")]  # no exception (as the fuzz script demands)


def test_the_compiled_tagger_raises_the_same_errors_and_its_values_pickle(builds: tuple[Path, Path]) -> None:
    # tag's contract is the project's errors (a compiled function would check its annotations on entry
    # with mypyc's own TypeError), and the values it returns pickle and copy (a compiled frozen
    # dataclass's own pickling would fail: see timeline/_positional.py).
    script = """
import copy, datetime, pickle
from timeline.errors import InputError
from timeline.tagger import parse_reference_date, tag
for call in ("tag(b'2008', published='2008-03-01')", "tag(None)", "tag(b'2008', published=5)",
             "tag('x', published=5)", "tag('x', published='soon')", "tag('x', published=b'2008-03-01')",
             "tag('x', tz=5)", "tag('x', tz='Mars')", "tag('x', language=5)", "tag('x', language='fr')",
             "parse_reference_date(5)", "parse_reference_date(datetime.datetime(2008, 3, 1, 12))",
             "tag('1 May', published=datetime.date(2008, 3, 1))",
             "pickle.loads(pickle.dumps(tag('noon on Monday', published='2025-07-08', tz='Asia/Tokyo')))",
             "copy.deepcopy(tag('noon on Monday', published='2025-07-08', tz='Asia/Tokyo'))"):
    try:
        print(f"{call}: {eval(call)!r}")
    except Exception as error:
        print(f"{call}: {type(error).__name__} {isinstance(error, InputError)}: {error}")
"""
    lines = _compare(builds, "tagger", script)
    refused = [line for line in lines if " True: " in line]
    assert len(refused) == 11 and not [line for line in lines if "TypeError" in line or "Frozen" in line], lines


def test_timeline_works_without_mypy_extensions() -> None:
    # A plain install has no mypy (nor mypy_extensions, which comes with it): the class options
    # for the build are then a stand-in that does nothing (timeline/_positional.py).
    script = """
import sys
sys.modules["mypy_extensions"] = None  # importing it now raises ImportError
from timeline.tagger import tag
(found,) = tag("It began at noon on Monday.", published="2025-07-08", tz="Europe/Moscow")
print(found.value, found.earliest.isoformat())
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["2025-07-07T12:00", "2025-07-07T09:00:00+00:00"]
