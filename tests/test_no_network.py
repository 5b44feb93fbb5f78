"""Accord works offline and never follows a link inside a document: parse, compare, align and
export run with the network disabled, on files holding a URL action, an external hyperlink and an
image linked from a web address, and nothing tries to connect."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parsers import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_hostile  # noqa: E402

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkUsed(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Disable name lookups and network connections in this process; return the list of attempts."""
    attempts: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args!r}")
            raise NetworkUsed(f"network use in a test: {what}")
        return blocked

    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    for name in ("connect", "connect_ex", "sendto"):
        original = getattr(socket.socket, name)

        def guarded(self, *args, _original=original, _name=name):
            if self.family in NETWORK_FAMILIES:
                return refuse(_name)(*args)
            return _original(self, *args)

        monkeypatch.setattr(socket.socket, name, guarded)
    return attempts


@pytest.fixture
def linked_files(tmp_path):
    """Documents pointing outside: a PDF with a URI action, a .docx with an external hyperlink and
    a linked image, and a second version of that .docx to compare with."""
    pdf = tmp_path / "uri-action.pdf"
    pdf.write_bytes(make_hostile.uri_action_pdf())
    old = tmp_path / "external-links.docx"
    old.write_bytes(make_hostile.external_links_docx())
    new = tmp_path / "external-links-rev1.docx"
    new.write_bytes(make_hostile.external_links_docx("The General Assembly reaffirms its resolution."))
    return pdf, old, new


def test_the_guard_blocks_connections(no_network):
    """The guard used below really stops a connection (so the other tests are not vacuous)."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkUsed):
        sock.connect(("127.0.0.1", 9))
    assert len(no_network) == 2


def test_parse_compare_export_offline(no_network, linked_files):
    """Parsing, comparing and every export of documents with external links make no network call."""
    from compare.redline.writer import render_redline
    from compare.reports.html_report import render_html
    from compare.reports.text import render_json, render_text
    from compare.versions.engine import compare_documents

    pdf, old, new = linked_files
    assert parse_file(str(pdf)).blocks
    for fixture in (FIXTURES / "l2-en.pdf", FIXTURES / "l2-en.docx"):
        parse_file(str(fixture))
    comparison = compare_documents(parse_file(str(old)), parse_file(str(new)))
    assert comparison.has_differences
    render_json(comparison)
    render_html(comparison)
    render_text(comparison, color=False)
    redline = render_redline(comparison, author="Test")
    assert redline.startswith(b"PK")
    assert no_network == []


def test_align_offline(no_network):
    """Aligning two language versions makes no network call."""
    languages = pytest.importorskip("compare.languages.documents")
    from compare.progress import run

    source = parse_file(str(FIXTURES / "l2-fr.docx"))
    target = parse_file(str(FIXTURES / "l2-en.docx"))
    assert run(languages.align_documents(source, target, level="sentence"))
    assert no_network == []


SITECUSTOMIZE = textwrap.dedent('''
    """Test guard: no network in this process or the processes it starts; attempts are logged."""
    import os
    import socket

    _LOG = os.environ["ACCORD_NET_LOG"]
    _FAMILIES = {socket.AF_INET, socket.AF_INET6}

    def _note(line):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(line + "\\n")

    def _refuse(what):
        def blocked(*args, **kwargs):
            _note(f"attempt {os.getpid()} {what} {args!r}")
            raise OSError(f"network disabled by the test: {what}")
        return blocked

    for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        setattr(socket, _name, _refuse(_name))

    _original_init = socket.socket.__init__

    def _init(self, family=-1, *args, **kwargs):
        _original_init(self, family, *args, **kwargs)
        if self.family in _FAMILIES:
            self.close()
            _refuse("socket")(family)

    socket.socket.__init__ = _init
    _note(f"loaded {os.getpid()}")
    # a worker forked from a guarded process inherits the guard: note it too
    os.register_at_fork(after_in_child=lambda: _note(f"forked {os.getpid()}"))
''')


def test_cli_end_to_end_offline(tmp_path, linked_files):
    """The command line (and its parsing worker) parses, compares and exports with network sockets
    impossible to open, and nothing tries."""
    pdf, old, new = linked_files
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "net.log"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(guard), "ACCORD_NET_LOG": str(log), "QT_QPA_PLATFORM": "offscreen"}
    commands = [
        ["parse", str(pdf)],
        ["parse", str(old)],
        ["compare", str(old), str(new), "--format", "html"],
        ["compare", str(old), str(new), "--format", "docx", "-o", str(tmp_path / "redline.docx")],
    ]
    cli_pids = set()
    for args in commands:
        with subprocess.Popen([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
            cli_pids.add(process.pid)
            stdout, stderr = process.communicate(timeout=120)
        assert process.returncode in (0, 1), stderr
        assert stdout or args[-2] == "-o"
    lines = log.read_text().splitlines()
    assert [line for line in lines if not line.startswith(("loaded ", "forked "))] == []
    loaded = {int(line.split()[1]) for line in lines if line.startswith("loaded ")}
    forked = {int(line.split()[1]) for line in lines if line.startswith("forked ")}
    assert cli_pids <= loaded
    assert (loaded - cli_pids) or forked, "the parsing worker neither loaded the guard nor was forked from it"
