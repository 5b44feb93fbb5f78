"""LibreOffice, for the tests that print Word files to PDF with it (soffice --headless)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

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
