"""The application's loading: the parse cache in front of the worker, and both files of a pair at once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import loading
from parsers import ErrorCode, ParseError, ParseOptions, cache, sandbox

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "004_f8e11c2669303c1d.txt"


@pytest.fixture
def workers(monkeypatch):
    """Paths handed to a worker process, in order (the real worker still runs)."""
    calls = []
    real = sandbox.parse_isolated

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(sandbox, "parse_isolated", counting)
    return calls


def _text_file(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_second_load_comes_from_the_cache_without_a_worker(tmp_path, workers):
    """A file read once is read again from the cache: same document, no second worker."""
    path = _text_file(tmp_path, "draft.txt", SEED.read_text(encoding="utf-8"))
    first = loading.load_document(path)
    second = loading.load_document(path)
    assert workers == [path]
    assert second == first
    assert len(second.blocks) > 10


def test_a_copy_under_another_name_hits_and_keeps_its_own_path(tmp_path, workers):
    """The key is the content: a renamed copy hits, and the document names the copy."""
    original = _text_file(tmp_path, "a.txt", SEED.read_text(encoding="utf-8"))
    copy = _text_file(tmp_path, "b.txt", SEED.read_text(encoding="utf-8"))
    loading.load_document(original)
    document = loading.load_document(copy)
    assert workers == [original]
    assert document.path == copy


def test_an_edited_file_misses(tmp_path, workers):
    """Changed bytes are parsed again and the new text is what comes back."""
    path = _text_file(tmp_path, "draft.txt", "Décide de rester saisie de la question.\n")
    assert "saisie" in loading.load_document(path).blocks[0].text
    _text_file(tmp_path, "draft.txt", "Décide de clore l'examen de la question.\n")
    assert "clore" in loading.load_document(path).blocks[0].text
    assert workers == [path, path]


def test_other_options_miss(tmp_path, workers):
    """A document read with another language setting is parsed again, not taken from the cache."""
    path = _text_file(tmp_path, "draft.txt", SEED.read_text(encoding="utf-8"))
    assert loading.load_document(path, ParseOptions(language="fr")).language == "fr"
    assert loading.load_document(path, ParseOptions(language="en")).language == "en"
    assert workers == [path, path]


def test_errors_are_not_cached(tmp_path, workers):
    """A file that fails is tried again next time, and nothing is written to the cache."""
    path = _text_file(tmp_path, "empty.txt", "   \n")
    for _ in range(2):
        with pytest.raises(ParseError) as info:
            loading.load_document(path)
        assert info.value.code is ErrorCode.EMPTY
    assert workers == [path, path]
    folder = Path(cache.cache_dir())
    assert not folder.exists() or not list(folder.iterdir())


def test_cache_lives_under_xdg_cache_home(tmp_path):
    """The entry of a parsed file is under XDG_CACHE_HOME (set per test by conftest)."""
    path = _text_file(tmp_path, "draft.txt", SEED.read_text(encoding="utf-8"))
    loading.load_document(path)
    entries = list(Path(cache.cache_dir()).glob("*.json"))
    assert len(entries) == 1
    assert str(entries[0]).startswith(os.environ["XDG_CACHE_HOME"])


def test_pair_returns_both_in_order(tmp_path, workers):
    """load_pair gives (old, new) in the order asked, each parsed from its own file."""
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    first, second = loading.load_pair(old, new)
    assert (first.path, second.path) == (old, new)
    assert "saisie" in first.blocks[0].text and "clore" in second.blocks[0].text
    assert sorted(workers) == sorted([old, new])


@pytest.mark.parametrize("bad_side", ["old", "new"])
def test_pair_names_the_file_that_failed(tmp_path, bad_side):
    """When one file of the pair cannot be read, the error names that file, not the other."""
    good = _text_file(tmp_path, "good.txt", "Décide de rester saisie de la question.\n")
    bad = _text_file(tmp_path, "bad.txt", "")
    old, new = (bad, good) if bad_side == "old" else (good, bad)
    with pytest.raises(ParseError) as info:
        loading.load_pair(old, new)
    assert info.value.path == bad
    assert "bad.txt" in str(info.value)


def test_pair_with_two_bad_files_reports_the_old_one(tmp_path):
    """Both unreadable: the old file's error is the one raised."""
    old = _text_file(tmp_path, "old.txt", "")
    new = _text_file(tmp_path, "new.txt", "")
    with pytest.raises(ParseError) as info:
        loading.load_pair(old, new)
    assert info.value.path == old


def test_pair_reads_each_side_with_its_options(tmp_path):
    """new_options reads the second file (another language for alignment)."""
    path = _text_file(tmp_path, "draft.txt", SEED.read_text(encoding="utf-8"))
    first, second = loading.load_pair(path, path, ParseOptions(language="fr"),
                                      new_options=ParseOptions(language="en"))
    assert (first.language, second.language) == ("fr", "en")


def test_warm_compare_imports_no_reader_library(tmp_path):
    """A cache hit loads no PDF, Word or Qt library: the second compare stays quick to start."""
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    loading.load_pair(old, new)
    probe = ("import sys; from desktop.cli import main; main(['compare', sys.argv[1], sys.argv[2], '--format', "
             "'json']); heavy = {'pypdfium2', 'pdfplumber', 'docx', 'PySide6', 'parsers.sandbox'}; "
             "sys.stderr.write(repr(sorted(heavy & set(sys.modules))))")
    done = subprocess.run([sys.executable, "-c", probe, old, new], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ, timeout=120)
    assert done.stderr.strip() == "[]"


def test_a_document_read_with_a_password_is_not_cached(tmp_path):
    """An encrypted PDF opened with its password leaves no clear-text copy in the cache."""
    encrypted = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pdf" / "password-example.pdf"
    document = loading.load_document(str(encrypted), ParseOptions(password="test"))
    assert document.blocks
    folder = cache.cache_dir()
    assert not os.path.isdir(folder) or not os.listdir(folder)


def _new_worker_late(monkeypatch, ran, events):
    """Workers patched so that the new side's starts some time after the old document is read
    (what runs once both are forked must wait for it, not run now), and its document comes back
    only once `ran` is set; each start is added to `events`."""
    import threading
    import time

    old_read = threading.Event()
    real_parse, real_load = sandbox.parse_isolated, loading.load_document

    def load(path, *args, **kwargs):
        document = real_load(path, *args, **kwargs)
        if os.path.basename(path) == "old.txt":
            old_read.set()
        return document

    def parse(path, *args, started=None, **kwargs):
        name = os.path.basename(path)

        def mark():
            if name == "new.txt":
                old_read.wait(30)
                time.sleep(0.3)
            events.append(("started", name))
            if started is not None:
                started()

        document = real_parse(path, *args, started=mark, **kwargs)
        if name == "new.txt":
            ran.wait(30)
        return document

    monkeypatch.setattr(loading, "load_document", load)
    monkeypatch.setattr(sandbox, "parse_isolated", parse)


def test_early_runs_once_both_workers_are_forked(tmp_path, monkeypatch):
    """load_pair's `early` runs once, in the calling thread, only after both workers have started
    (a fork never copies a half-held import lock): here the new side's worker starts only once the
    old document is read, and `early` waits for it."""
    import threading

    events: list[tuple[str, object]] = []
    early_ran = threading.Event()
    _new_worker_late(monkeypatch, early_ran, events)
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    caller = threading.current_thread()

    def early(document, waiting):
        events.append(("early", threading.current_thread() is caller))
        early_ran.set()

    first, second = loading.load_pair(old, new, early=early)
    assert events[-1] == ("early", True)
    assert sorted(events[:-1]) == [("started", "new.txt"), ("started", "old.txt")]
    assert "saisie" in first.blocks[0].text and "clore" in second.blocks[0].text


def test_early_waits_for_a_cached_side_and_a_missing_one(tmp_path):
    """A cached side starts no worker and a missing file is refused before any worker (the parent
    opens each input once): load_pair does not wait forever, `early` does not run (no worker was
    started), the missing file's error is raised."""
    cached = _text_file(tmp_path, "cached.txt", "Décide de rester saisie de la question.\n")
    loading.load_document(cached)
    ran = []
    with pytest.raises(ParseError) as info:
        loading.load_pair(cached, str(tmp_path / "missing.txt"), early=lambda document, waiting: ran.append(True))
    assert ran == []
    assert info.value.path == str(tmp_path / "missing.txt")


def test_early_is_skipped_when_both_sides_come_from_the_cache(tmp_path, workers):
    """A warm pair starts no worker and prepares nothing early: the warm compare, answered from
    the result cache, loads no engine."""
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    loading.load_pair(old, new)
    ran = []
    for _ in range(5):  # whichever side is read first
        loading.load_pair(old, new, early=lambda document, waiting: ran.append(document))
    assert ran == [] and len(workers) == 2


def test_early_gets_the_first_document_while_the_other_is_still_read(tmp_path, monkeypatch):
    """load_pair's `early` runs once, in the calling thread, with the first document read while
    the other side is still being read (its `waiting()` says so then, and no longer once that side
    is read); both documents are returned as without it."""
    import threading
    import time

    release = threading.Event()
    real = sandbox.parse_isolated

    def slow_new(path, *args, **kwargs):
        document = real(path, *args, **kwargs)
        if os.path.basename(path) == "new.txt":
            release.wait(30)  # the new side, read (its worker forked), returns once `early` has looked
        return document

    monkeypatch.setattr(sandbox, "parse_isolated", slow_new)
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    caller = threading.current_thread()
    seen = []

    def early(document, waiting):
        seen.append((document.blocks[0].text, threading.current_thread() is caller, waiting()))
        release.set()
        deadline = time.monotonic() + 30
        while waiting() and time.monotonic() < deadline:
            time.sleep(0.01)
        seen.append(waiting())

    first, second = loading.load_pair(old, new, early=early)
    assert seen == [("Décide de rester saisie de la question.", True, True), False]
    assert "saisie" in first.blocks[0].text and "clore" in second.blocks[0].text



def _meanwhile_threads():
    import threading

    return [t for t in threading.enumerate() if t.name == "accord-meanwhile"]


def test_meanwhile_runs_in_a_thread_of_its_own_once_both_workers_are_forked(tmp_path, monkeypatch):
    """load_pair's `meanwhile` runs once, in another thread than the caller's, while the workers
    read, and only once both have started (a fork never copies a half-held import lock): here the
    new side's worker starts a while after the old document is read."""
    import threading

    events: list[tuple[str, object]] = []
    meanwhile_ran = threading.Event()
    _new_worker_late(monkeypatch, meanwhile_ran, events)
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    caller = threading.current_thread()

    def meanwhile():
        events.append(("meanwhile", threading.current_thread() is caller))
        meanwhile_ran.set()

    first, second = loading.load_pair(old, new, meanwhile=meanwhile)
    assert events == [("started", "old.txt"), ("started", "new.txt"), ("meanwhile", False)]
    assert "saisie" in first.blocks[0].text and "clore" in second.blocks[0].text


def test_meanwhile_is_skipped_when_both_sides_come_from_the_cache(tmp_path, workers):
    """A warm pair starts no worker, so there is no while to use: `meanwhile` does not run."""
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    loading.load_pair(old, new)
    ran = []
    loading.load_pair(old, new, meanwhile=lambda: ran.append(True))
    for thread in _meanwhile_threads():
        thread.join(30)
    assert ran == [] and len(workers) == 2


def test_what_meanwhile_raises_is_left_to_the_caller(tmp_path, capfd):
    """An error in `meanwhile` (the command line's imports) prints nothing from its thread: the
    caller does the same work next and reports what it meets there. The pair is read as without."""
    old = _text_file(tmp_path, "old.txt", "Décide de rester saisie de la question.\n")
    new = _text_file(tmp_path, "new.txt", "Décide de clore l'examen de la question.\n")
    ran = []

    def failing():
        ran.append(True)
        raise ImportError("no module named 'compare.missing'")

    first, second = loading.load_pair(old, new, meanwhile=failing)
    for thread in _meanwhile_threads():
        thread.join(30)
    assert ran == [True]
    assert "saisie" in first.blocks[0].text and "clore" in second.blocks[0].text
    assert "Traceback" not in capfd.readouterr().err
