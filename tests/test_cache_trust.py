"""Nothing in the cache is trusted as found (issue 17): an entry edited, planted by another user,
copied under another key, damaged in type, nested without end, linked to a device or replaced by a
FIFO is a miss (never a traceback, a hang or its text shown), the folders are private, and a
document's bytes are what its key is the hash of."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from desktop import loading
from parsers import ParseOptions, cache, sandbox
from parsers.model import Block, BlockKind, Document, Format

TEXT = "Décide de rester saisie de la question.\n"


def _doc(path: str = "x.txt", text: str = "Décide de rester saisie de la question.") -> Document:
    return Document(path=path, format=Format.TXT, language="fr",
                    blocks=(Block(0, BlockKind.PARAGRAPH, text),))


def _stored(key: str = "a" * 64) -> Path:
    cache.store(key, _doc())
    return Path(cache.cache_dir()) / f"{key}.json"


def _body(entry: Path) -> tuple[bytes, bytes]:
    header, _, body = entry.read_bytes().partition(b"\n")
    return header, body


def test_an_entry_round_trips_and_the_folders_are_private():
    """A stored entry loads back; the root, the folder and the secret are the user's alone."""
    entry = _stored()
    assert cache.load("a" * 64, "y.txt") == _doc("y.txt")
    root = Path(cache.cache_root())
    for folder in (root, entry.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((root / cache.SECRET_NAME).stat().st_mode) == 0o600


def test_a_loose_root_is_made_private_again(tmp_path):
    """An `accord` folder found 0755 (as the first round made it) is made 0700 on the next use."""
    root = Path(cache.cache_root())
    root.mkdir(parents=True, mode=0o755)
    os.chmod(root, 0o755)
    _stored()
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


def test_an_edited_entry_is_a_miss():
    """Text edited inside an entry (its JSON still valid) does not verify: it is never shown."""
    entry = _stored()
    header, body = _body(entry)
    entry.write_bytes(header + b"\n" + body.replace("Décide".encode(), b"Refuse"))
    assert cache.load("a" * 64, "x.txt") is None


def test_an_entry_copied_under_another_key_is_a_miss():
    """An authentic entry moved to another key (another file's) does not verify there."""
    entry = _stored()
    other = entry.with_name("b" * 64 + ".json")
    other.write_bytes(entry.read_bytes())
    assert cache.load("b" * 64, "x.txt") is None


def test_an_entry_without_a_signature_is_a_miss():
    """A plain JSON entry, as the first round wrote (or another program could), is a miss."""
    entry = _stored()
    entry.write_text(json.dumps(cache.document_to_json(_doc())), encoding="utf-8")
    assert cache.load("a" * 64, "x.txt") is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to give a file away")
def test_entries_and_folders_owned_by_another_user_are_ignored():
    """An authentic-looking entry owned by another user is a miss; a cache folder owned by another
    user turns the cache off (nothing read from it, nothing written into it)."""
    entry = _stored()
    os.chown(entry, 65534, 65534)
    assert cache.load("a" * 64, "x.txt") is None
    os.chown(entry, 0, 0)
    assert cache.load("a" * 64, "x.txt") is not None
    os.chown(entry.parent, 65534, 65534)
    assert cache.load("a" * 64, "x.txt") is None
    cache.store("c" * 64, _doc())
    assert not (entry.parent / ("c" * 64 + ".json")).exists()


def test_a_foreign_secret_turns_the_cache_off():
    """A secret readable by others (or not the user's) is not used: every entry is a miss."""
    _stored()
    secret = Path(cache.cache_root()) / cache.SECRET_NAME
    os.chmod(secret, 0o644)
    assert cache.load("a" * 64, "x.txt") is None


@pytest.mark.parametrize("damage", [
    lambda d: d["blocks"][0].__setitem__(2, 5),  # text an int
    lambda d: d["blocks"][0].__setitem__(2, ["a", "list"]),  # text a list
    lambda d: d.__setitem__("pages", {"a": "dict"}),  # number a dict
    lambda d: d["blocks"][0].__setitem__(4, True),  # level a bool
    lambda d: d.__setitem__("language", "../../x"),  # a path, not a language
    lambda d: d.__setitem__("blocks", "abc"),
    lambda d: d["blocks"][0].__setitem__(6, [1, [1, 2, "x", 4], None]),
], ids=["text-int", "text-list", "pages-dict", "level-bool", "language-path", "blocks-str", "bbox-str"])
def test_a_signed_entry_with_damaged_types_is_a_miss(damage):
    """Even an authentic entry is decoded with type checks: a wrong type is a miss, not a
    traceback, and a cached language that is not a code is never used (it names lexicon files)."""
    data = cache.document_to_json(_doc())
    damage(data)
    cache.write_entry(cache.cache_dir(), "d" * 64, data)
    assert cache.read_entry(cache.cache_dir(), "d" * 64) is not None  # it verifies...
    assert cache.load("d" * 64, "x.txt") is None  # ...and is still refused


def test_deeply_nested_json_is_a_miss():
    """An entry nested 100,000 deep is a miss, not a RecursionError."""
    cache.write_entry(cache.cache_dir(), "e" * 64, [])
    entry = Path(cache.cache_dir()) / ("e" * 64 + ".json")
    header, _ = _body(entry)
    body = b"[" * 100_000 + b"]" * 100_000
    secret = (Path(cache.cache_root()) / cache.SECRET_NAME).read_bytes()
    mac = cache._mac(secret, cache.cache_dir(), "e" * 64, body).encode()
    entry.write_bytes(b" ".join(header.split(b" ")[:2] + [mac]) + b"\n" + body)
    assert cache.read_entry(cache.cache_dir(), "e" * 64) is None


def test_an_entry_linked_to_a_device_or_replaced_by_a_fifo_is_a_miss_without_blocking():
    """A symbolic link (to /dev/zero) and a FIFO in place of an entry are misses at once."""
    entry = _stored()
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert cache.load("a" * 64, "x.txt") is None
    entry.unlink()
    os.mkfifo(entry)
    answer = []
    reader = threading.Thread(target=lambda: answer.append(cache.load("a" * 64, "x.txt")), daemon=True)
    reader.start()
    reader.join(10)
    assert answer == [None]


def test_a_damaged_comparison_entry_goes_through_the_same_checks():
    """The comparisons folder is the same store: under the same root, signed the same way."""
    from compare import result_cache

    assert os.path.dirname(result_cache.cache_dir()) == cache.cache_root()
    cache.write_entry(result_cache.cache_dir(), "f" * 64, {"format": "x"})
    entry = Path(result_cache.cache_dir()) / ("f" * 64 + ".json")
    header, body = _body(entry)
    entry.write_bytes(header + b"\n" + body.replace(b'"x"', b'"y"'))
    assert cache.read_entry(result_cache.cache_dir(), "f" * 64) is None


def test_what_is_parsed_is_what_was_hashed(tmp_path):
    """The worker parses the bytes it is given (those the key was made from), not the file as it
    is when the worker gets to it: a file changed meanwhile cannot put its new text under the old
    key."""
    path = tmp_path / "draft.txt"
    path.write_text("Version two of the text, written after the read.\n", encoding="utf-8")
    document = sandbox.parse_isolated(str(path), timeout=60,
                                      data=b"Version one of the text, as it was read.\n")
    assert "Version one" in document.blocks[0].text
    assert document.path == str(path)


def test_load_document_keys_the_bytes_it_parses(tmp_path, monkeypatch):
    """load_document reads the file once: the key and the worker's input are those same bytes."""
    path = tmp_path / "draft.txt"
    path.write_text(TEXT, encoding="utf-8")
    given = []
    real = sandbox.parse_isolated

    used = []

    def recording(path, options=None, **kwargs):
        given.append(kwargs["data"])
        used.append(options)
        return real(path, options, **kwargs)

    monkeypatch.setattr(sandbox, "parse_isolated", recording)
    loading.load_document(str(path), ParseOptions())
    assert given == [TEXT.encode()]
    key = cache.key_for_bytes(given[0], __import__("parsers.api").api.PARSER_VERSION,
                              loading.options_key(used[0]))
    assert cache.load(key, str(path)) is not None


def test_a_secret_made_by_another_thread_meanwhile_is_used(monkeypatch):
    """Both files of a pair are stored at once, from two threads. One read the secret before the
    other made it, and found it there when it looked whether to make one: it used no secret and
    wrote nothing, and the next compare read that file again (a flaky test showed it). It reads
    the secret again."""
    cache.store("b" * 64, _doc())  # the secret exists
    real = cache._read_private
    first = [True]

    def late(path, limit, *, secret=False):  # the first read of the secret comes before it was made
        if secret and first[0]:
            first[0] = False
            return None
        return real(path, limit, secret=secret)

    monkeypatch.setattr(cache, "_read_private", late)
    cache.store("a" * 64, _doc())
    monkeypatch.setattr(cache, "_read_private", real)
    assert cache.load("a" * 64, "x.txt") == _doc()
