"""Which comparison a pair of documents needs, and what to tell the user about it.

`is_cross_language` is the question the command line, the window and `history` ask before
comparing: two versions in one language go to compare.versions; two documents in different
languages go to the cross-language comparison (compare.history.cross_language), and `notices` says
plainly that the languages differ, in every report and on stderr.
"""

from __future__ import annotations

from parsers.model import Document


def base_language(code: str | None) -> str | None:
    """'fr' for 'fr', 'fr-CA' or 'fr_CA'; None when unknown."""
    return code.replace("_", "-").split("-")[0].lower() if code else None


def is_cross_language(old: Document, new: Document) -> bool:
    """True when both languages are known and differ (an unknown language is not a difference)."""
    a, b = base_language(old.language), base_language(new.language)
    return a is not None and b is not None and a != b


def language_notice(old: Document, new: Document) -> str | None:
    """The line that says the two documents are in different languages, or None."""
    if not is_cross_language(old, new):
        return None
    return (f"the documents are in different languages ({old.language} and {new.language}): paragraphs "
            "are paired across the languages and compared for commitments, hedges, modals, figures and "
            "deadlines, not word for word")


def notices(old: Document, new: Document) -> tuple[str, ...]:
    """Every warning about a comparison, each naming its file: the readers' warnings of each
    document (tracked changes read accepted, text boxes not read…), then the language notice."""
    out = [f"{doc.path}: {warning}" for doc in (old, new) for warning in doc.warnings]
    notice = language_notice(old, new)
    if notice:
        out.append(notice)
    return tuple(out)
