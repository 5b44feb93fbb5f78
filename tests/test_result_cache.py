"""The comparison cache: a pair compared before is answered from JSON, equal to a fresh comparison."""

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare import result_cache
from compare.model import CompareOptions
from compare.progress import run
from compare.reports.text import render_json
from compare.result_cache import cached_compare
from compare.versions import engine as versions
from parsers.api import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PAIRS = [("l2-fr.docx", "l2-fr-rev1.docx"), ("l2-en.pdf", "l2-en-rev1.docx")]


@pytest.fixture(scope="module")
def documents():
    """Each fixture parsed once for the module (in process: the parse cache is not under test)."""
    names = {name for pair in PAIRS for name in pair}
    return {name: parse_file(str(FIXTURES / name)) for name in names}


@pytest.fixture
def computed(monkeypatch):
    """How many times the engine ran (the real engine still runs)."""
    calls = []
    real = versions.iter_compare

    def counting(old, new, options=None):
        calls.append(options)
        return real(old, new, options)

    monkeypatch.setattr(versions, "iter_compare", counting)
    return calls


def _entries() -> list[Path]:
    folder = Path(result_cache.cache_dir())
    return sorted(folder.glob("*.json")) if folder.exists() else []


@pytest.mark.parametrize(("old_name", "new_name"), PAIRS)
def test_hit_equals_miss_and_renders_the_same_json(documents, computed, old_name, new_name):
    """A second compare comes from the cache, equals the computed Comparison and renders byte-identical JSON."""
    old, new = documents[old_name], documents[new_name]
    miss = run(cached_compare(old, new))
    hit = run(cached_compare(old, new))
    assert len(computed) == 1
    assert hit == miss
    assert hit == versions.compare_documents(old, new)
    assert render_json(hit) == render_json(miss)
    assert len(_entries()) == 1
    assert any(c.kind != "unchanged" for c in hit.changes)


def test_a_renamed_copy_hits_and_names_the_copy(documents, computed):
    """The paths are not in the key: other paths hit, and the result names the files of this run."""
    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    run(cached_compare(old, new))
    old_copy, new_copy = dataclasses.replace(old, path="/elsewhere/a.docx"), dataclasses.replace(new, path="b.docx")
    hit = run(cached_compare(old_copy, new_copy))
    assert len(computed) == 1
    assert (hit.old.path, hit.new.path) == ("/elsewhere/a.docx", "b.docx")
    assert hit == versions.compare_documents(old_copy, new_copy)


def test_changed_text_misses(documents, computed):
    """One block's text edited: the pair is compared again and the result shows the edit."""
    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    run(cached_compare(old, new))
    block = new.body()[-1]
    blocks = tuple(dataclasses.replace(b, text=b.text + " Fin.") if b is block else b for b in new.blocks)
    edited = dataclasses.replace(new, blocks=blocks)
    result = run(cached_compare(old, edited))
    assert len(computed) == 2
    assert result == versions.compare_documents(old, edited)
    assert any(op.kind == "insert" and "Fin" in op.text for c in result.changes for op in c.ops)


def test_changed_options_miss(documents, computed):
    """Other CompareOptions are another key: computed again, with those options."""
    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    run(cached_compare(old, new))
    options = CompareOptions(count_numbers=True, count_footnote_marks=True)
    result = run(cached_compare(old, new, options))
    assert computed == [CompareOptions(), options]
    assert result.options == options
    assert len(_entries()) == 2


def test_changed_language_misses(documents, computed):
    """The documents' language picks the commitment lexicon, so it is in the key."""
    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    run(cached_compare(old, new))
    run(cached_compare(dataclasses.replace(old, language="en"), dataclasses.replace(new, language="en")))
    assert len(computed) == 2


def test_changed_engine_version_misses(documents, computed, monkeypatch):
    """Bumping COMPARE_VERSION makes earlier entries miss."""
    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    run(cached_compare(old, new))
    monkeypatch.setattr(result_cache, "COMPARE_VERSION", result_cache.COMPARE_VERSION + "-next")
    run(cached_compare(old, new))
    assert len(computed) == 2


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # truncated
    lambda text: "",
    lambda text: "\x00\xff garbage",
    lambda text: json.dumps({"format": result_cache.CACHE_FORMAT, "changes": [["modified", [99999], [], [], None, [], False, 1.0]]}),
    lambda text: json.dumps({"format": result_cache.CACHE_FORMAT, "changes": [["no such kind", [], [], [], None, [], False, 1.0]]}),
    lambda text: json.dumps({"format": result_cache.CACHE_FORMAT, "changes": [["added", [], [0], [["insert", 5, False]], None, [], False, 0.0]]}),
    lambda text: json.dumps(["not", "an", "entry"]),
], ids=["truncated", "empty", "garbage", "unknown-block", "unknown-kind", "wrong-type", "wrong-shape"])
def test_damaged_entry_is_a_miss_and_is_rewritten(documents, computed, damage):
    """A damaged entry is computed again (never an error) and replaced by a good one."""
    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    first = run(cached_compare(old, new))
    (entry,) = _entries()
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    assert run(cached_compare(old, new)) == first
    assert run(cached_compare(old, new)) == first
    assert len(computed) == 2


def test_errors_are_not_cached(documents, monkeypatch):
    """An engine that fails leaves no entry behind."""
    def failing(old, new, options=None):
        raise RuntimeError("engine failed")
        yield

    monkeypatch.setattr(versions, "iter_compare", failing)
    with pytest.raises(RuntimeError):
        run(cached_compare(documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]))
    assert _entries() == []


def test_entries_live_under_xdg_cache_home_beside_the_documents(documents):
    """The comparisons folder is a sibling of the parse cache, under XDG_CACHE_HOME (set per test)."""
    from parsers import cache

    run(cached_compare(documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]))
    (entry,) = _entries()
    assert str(entry).startswith(os.environ["XDG_CACHE_HOME"])
    assert entry.parent.parent == Path(cache.cache_dir()).parent


def test_warm_cli_compare_matches_cold_and_loads_no_engine(tmp_path):
    """The second `accord compare` prints the same JSON with the same status, from the caches,
    without importing the engine (rapidfuzz, numpy), a reader library or Qt."""
    old, new = str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-fr-rev1.docx")
    args = ["compare", old, new, "--format", "json"]
    cold = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ, timeout=120)
    assert cold.returncode == 1, cold.stderr
    assert len(_entries()) == 1
    # nor what the report's body needs (it is kept too: compare.reports.json_report), nor a reader
    probe = ("import sys; from desktop.cli import main; code = main(sys.argv[1:]); "
             "heavy = {'rapidfuzz', 'numpy', 'compare.versions.engine', 'lxml', 'pypdfium2', 'pdfplumber', 'docx', "
             "'PySide6', 'parsers.sandbox', 'compare.reports.text', 'compare.commitments', 'compare.text.tokenize', "
             "'parsers.structure', 'zipfile'}; "
             "sys.stderr.write(repr(sorted(heavy & set(sys.modules)))); sys.exit(code)")
    warm = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ, timeout=120)
    assert warm.stderr == "[]"
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)


def test_use_cache_false_neither_reads_nor_writes(tmp_path):
    """With use_cache=False (documents opened with a password) no comparison is stored."""
    from parsers import parse_file

    fixtures = Path(__file__).resolve().parent / "fixtures"
    old = parse_file(str(fixtures / "l2-fr.docx"))
    new = parse_file(str(fixtures / "l2-fr-rev1.docx"))
    comparison = run(result_cache.cached_compare(old, new, use_cache=False))
    assert comparison.has_differences
    folder = result_cache.cache_dir()
    assert not os.path.isdir(folder) or not os.listdir(folder)


def test_report_body_is_kept_and_a_copy_gets_its_own_paths(tmp_path):
    """The JSON report's body is kept in the cache: asked again, from copies of the files at other
    paths, the report is the one computed for those paths (its head is written afresh)."""
    import shutil

    old, new = str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx")
    copies = [shutil.copy(path, tmp_path / f"copy-{Path(path).name}") for path in (old, new)]
    first = subprocess.run([sys.executable, "-m", "desktop", "compare", old, new, "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT, env=os.environ, timeout=120)
    kept = sorted((Path(os.environ["XDG_CACHE_HOME"]) / "accord" / "reports").glob("*.json"))
    assert len(kept) == 2  # the body, and the entry that finds it from these two files under these names
    again = subprocess.run([sys.executable, "-m", "desktop", "compare", *map(str, copies), "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT, env=os.environ, timeout=120)
    expected = render_json(versions.compare_documents(parse_file(str(copies[0])), parse_file(str(copies[1]))))
    assert (again.returncode, again.stdout) == (first.returncode, expected) == (1, expected)
    assert json.loads(again.stdout)["old"]["path"] == str(copies[0])


@pytest.mark.parametrize("entry", [
    {"version": "0", "summary": {}, "different_documents": None, "changes": "", "differences": True},
    {"version": "1", "summary": [], "different_documents": None, "changes": "", "differences": True},
    {"version": "1", "summary": {}, "different_documents": 3, "changes": "", "differences": True},
    {"version": "1", "summary": {}, "different_documents": None, "changes": ["x"], "differences": True},
    {"version": "1", "summary": {}, "different_documents": None, "changes": "", "differences": "yes"},
    ["not", "a", "body"],
])
def test_a_body_of_another_version_or_shape_is_a_miss(documents, entry):
    from compare.reports import json_report
    from parsers.cache import cache_folder, write_entry

    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    options = CompareOptions()
    body = json_report.Body({"added": 1}, None, '    {"kind": "added"}', True)
    key = result_cache.comparison_key(old, new, options)
    json_report.store_body(key, body)
    assert json_report.cached_body(key) == body
    assert json_report.cached_body(result_cache.comparison_key(old, new, CompareOptions(ignore_case=True))) is None
    write_entry(cache_folder("reports"), json_report._report_key(key), entry)
    assert json_report.cached_body(key) is None


def test_a_cold_cli_compare_of_a_revision_never_loads_numpy(tmp_path):
    """Importing numpy costs 0.1-0.3 s of CPU, taken from the two parse workers on a two-core
    machine: a revision's similarities are scored without it (row loops and process.extract), and
    the command line no longer imports it while the files are read."""
    old, new = str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-fr-rev1.docx")
    probe = ("import sys; from desktop.cli import main; code = main(sys.argv[1:]); "
             "sys.stderr.write(repr('numpy' in sys.modules)); sys.exit(code)")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "empty-cache"))
    cold = subprocess.run([sys.executable, "-c", probe, "compare", old, new, "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert (cold.returncode, cold.stderr) == (1, "False")


# Counts the documents `main` reads from the cache (parsers.cache.load hits), written to stderr last.
_COUNT_LOADS = """
import sys
import parsers.cache as cache
loads, real = [], cache.load
def counting(*args, **kwargs):
    document = real(*args, **kwargs)
    loads.extend([document] if document is not None else [])
    return document
cache.load = counting
from desktop.cli import main
code = main(sys.argv[1:])
sys.stderr.write(f"loads={len(loads)}")
sys.exit(code)
"""


def _compare(old: str, new: str, *more: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _COUNT_LOADS, "compare", old, new, *more], capture_output=True,
                          text=True, cwd=ROOT, env=os.environ, timeout=120)


def test_the_same_files_asked_again_are_answered_without_reading_either_document(tmp_path):
    """The third look at a pair (same files, same names, same options) writes the report kept for
    those files: the same JSON, status and warnings, and neither document is read from the cache."""
    old, new = str(FIXTURES / "tracked-changes.docx"), str(FIXTURES / "l2-en.docx")
    cold = _compare(old, new, "--format", "json")
    assert cold.returncode == 1 and cold.stderr.endswith("loads=0"), cold.stderr
    assert "tracked changes were found" in cold.stderr
    warm = _compare(old, new, "--format", "json")
    assert warm.stderr.endswith("loads=0")
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    # other options: another comparison, read from the documents (two loads), then kept for them too
    ignoring = _compare(old, new, "--format", "json", "--ignore-case")
    assert ignoring.stderr.endswith("loads=2")
    assert _compare(old, new, "--format", "json", "--ignore-case").stderr.endswith("loads=0")
    # the text report is not kept: it reads the documents
    assert _compare(old, new).stderr.endswith("loads=2")


def test_a_file_changed_since_is_compared_again(tmp_path):
    """The files' entry is keyed by their bytes: a file rewritten under the same name is read and
    compared again, and its report is the new one."""
    import shutil

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    shutil.copy(FIXTURES / "l2-en.docx", old)
    shutil.copy(FIXTURES / "l2-en-rev1.docx", new)
    first = _compare(str(old), str(new), "--format", "json")
    assert first.returncode == 1
    shutil.copy(FIXTURES / "l2-en.docx", new)
    again = _compare(str(old), str(new), "--format", "json")
    # both documents read (the new file's bytes are now the old file's, read before): no kept report
    assert again.stderr.endswith("loads=2")
    assert again.returncode == 0 and json.loads(again.stdout)["summary"] != json.loads(first.stdout)["summary"]


@pytest.mark.parametrize("entry", [
    {"version": "0", "head": {"old": {"path": "a", "warnings": []}, "new": {"path": "b", "warnings": []}}},
    {"version": "1", "head": {"old": {"path": "a", "warnings": []}, "new": {"path": "c", "warnings": []}}},
    {"version": "1", "head": {"old": {"path": "a", "warnings": [3]}, "new": {"path": "b", "warnings": []}}},
    {"version": "1", "head": {"old": "a", "new": {"path": "b", "warnings": []}}},
    {"version": "1", "head": ["a", "b"]},
    ["not", "an", "entry"],
])
def test_a_files_entry_of_another_version_shape_or_names_is_a_miss(documents, entry):
    from compare.reports import json_report
    from parsers.cache import cache_folder, write_entry

    old, new = documents["l2-fr.docx"], documents["l2-fr-rev1.docx"]
    key = result_cache.comparison_key(old, new, CompareOptions())
    body = json_report.Body({"added": 1}, None, '    {"kind": "added"}', True)
    json_report.store_body(key, body)
    files = json_report.files_key("k1", "k2", {"ignore_case": False})
    top = {"old": {"path": "a", "warnings": ["w"]}, "new": {"path": "b", "warnings": []}}
    json_report.store_report(files, top, key)
    assert json_report.cached_report(files, "a", "b") == (top, body)
    assert json_report.side_warnings(top) == ["a: w"]
    assert json_report.cached_report(files, "a", "other") is None
    assert json_report.cached_report(json_report.files_key("k1", "k2", {"ignore_case": True}), "a", "b") is None
    if isinstance(entry, dict) and entry.get("version") == "1":
        entry = {**entry, "comparison": key}
    write_entry(cache_folder("reports"), files, entry)
    assert json_report.cached_report(files, "a", "b") is None
