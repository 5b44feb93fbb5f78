"""LibreOffice, for the tests that print Word files to PDF with it (soffice --headless)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# A cold LibreOffice start and the conversions take ~15 s here; allow for a loaded machine.
CONVERT_TIMEOUT_S = 300


def print_to_pdf(sources: Iterable[Path | str], out: Path, timeout: float = CONVERT_TIMEOUT_S) -> None:
    """Print `sources` to PDF in `out` (each as its name with .pdf), in one conversion, with a
    LibreOffice profile of its own there."""
    assert SOFFICE is not None, "LibreOffice (soffice) not installed"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
                   check=True, timeout=timeout, capture_output=True)


def require_soffice() -> None:
    """Skip the test (or the fixture's tests) when LibreOffice is not installed."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")


def printed_drafts(out: Path, drafts: dict[str, list[str]]) -> dict[str, Path]:
    """Each draft (its paragraphs, by language) as a Word file in `out`, named `{language}.docx`,
    an Arabic one set right to left, and the PDF LibreOffice prints of each beside it (one
    conversion); the Word files by language. Skips when LibreOffice is not installed."""
    import docx

    require_soffice()
    from docx.oxml import OxmlElement

    paths = {}
    for language, paragraphs in drafts.items():
        draft = docx.Document()
        for text in paragraphs:
            written = draft.add_paragraph(text)
            if language == "ar":
                written._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        paths[language] = out / f"{language}.docx"
        draft.save(str(paths[language]))
    print_to_pdf(list(paths.values()), out)
    return paths
