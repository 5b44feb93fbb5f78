"""Generate a long UN-style pair (old and revised) from the seed documents, as .docx and .pdf.

About 900 paragraphs over ~56 A4 pages: a title block, an opener, preambular paragraphs, numbered
operative paragraphs with italic verbs, running headers and footers. The revision edits, removes,
adds and moves paragraphs the way a negotiation does. Files go to benchmarks/.data/ (ignored by
git) and are regenerated only when missing: large files are not committed.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parent / ".data"

VERBS = ["Prie instamment", "Demande", "Encourage", "Invite", "Prie", "Souligne", "Décide", "Engage"]
PARTICIPLES = ["Rappelant", "Réaffirmant", "Soulignant", "Constatant", "Sachant", "Consciente que",
               "Prenant note", "Notant avec préoccupation"]
# Seeded so every run benchmarks the same documents.
SEED = 20181


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = re.sub(r"\s+", " ", text)
    parts = re.split(r"(?<=[.;:!?])\s+(?=[A-ZÀ-Ý«])", text)
    return [p for p in parts if 60 <= len(p) <= 360 and not re.search(r"\d/\d|V\.18", p)]


def paragraphs(count: int) -> list[tuple[str, str]]:
    """(kind, text) for a resolution of `count` paragraphs: a tenth preambular, the rest operative."""
    rng = random.Random(SEED)
    pool = _sentences()
    out = []
    for i in range(count):
        body = rng.choice(pool)
        body = body[0].lower() + body[1:]
        if i < count // 10:
            out.append(("preamble", f"{rng.choice(PARTICIPLES)} {body.rstrip('.')},"))
        else:
            out.append(("operative", f"{rng.choice(VERBS)} {body.rstrip('.')} ;"))
    return out


def revise(paras: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A revision: every 25th paragraph edited, every 40th removed, every 60th gains a new one after
    it, and one block of three moved to the end."""
    rng = random.Random(SEED + 1)
    out = []
    for i, (kind, text) in enumerate(paras):
        if i % 40 == 39:
            continue
        if i % 25 == 24:
            words = text.split()
            j = rng.randrange(1, len(words) - 1)
            words[j] = "notamment " + words[j]
            text = " ".join(words)
        out.append((kind, text))
        if i % 60 == 59 and kind == "operative":
            out.append(("operative", "Décide de rester activement saisie de la question et d'examiner, "
                                     "à sa prochaine session, les progrès accomplis ;"))
    middle = len(out) // 2
    moved = out[middle:middle + 3]
    return out[:middle] + out[middle + 3:] + moved


def write_docx(paras: list[tuple[str, str]], path: Path, symbol: str) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)
    section = document.sections[0]
    section.header.paragraphs[0].text = symbol
    section.footer.paragraphs[0].text = "V.18-02286"
    for line in ("Nations Unies", symbol, "Conseil économique et social",
                 "Action préventive et lutte contre la traite des personnes"):
        document.add_paragraph(line).runs[0].bold = True
    document.add_paragraph("La Commission pour la prévention du crime et la justice pénale,")
    number = 0
    for kind, text in paras:
        p = document.add_paragraph()
        if kind == "operative":
            number += 1
            p.add_run(f"{number}.\t")
            p.paragraph_format.first_line_indent = Pt(28)
        verb = next((v for v in VERBS + PARTICIPLES if text.startswith(v)), "")
        p.add_run(verb).italic = True
        p.add_run(text[len(verb):])
    document.save(str(path))


def to_pdf(docx_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to make the benchmark PDFs: run `make system-deps`")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(docx_path.parent), str(docx_path)],
            check=True, capture_output=True, timeout=600,
        )
    return docx_path.with_suffix(".pdf")


def make_long_pair(count: int = 860, name: str = "long") -> dict[str, Path]:
    """Paths of old/new .docx and .pdf for a pair of `count` paragraphs, made if missing."""
    DATA.mkdir(exist_ok=True)
    old_paras = paragraphs(count)
    files = {}
    for side, paras in (("old", old_paras), ("new", revise(old_paras))):
        docx_path = DATA / f"{name}-{count}-{side}.docx"
        if not docx_path.exists():
            write_docx(paras, docx_path, "E/CN.15/2018/L.2" if side == "old" else "E/CN.15/2018/L.2/Rev.1")
        pdf_path = docx_path.with_suffix(".pdf")
        if not pdf_path.exists():
            to_pdf(docx_path)
        files[f"{side}_docx"] = docx_path
        files[f"{side}_pdf"] = pdf_path
    return files


if __name__ == "__main__":
    for key, value in make_long_pair().items():
        print(key, value)
