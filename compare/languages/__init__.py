"""Aligning a document with its translation: paragraphs and sentences paired (anchors, lexicon,
length), QA checks on figures and symbols, exports (ladder, JSON, TSV, TMX).
"""

from parsers.lazy import lazy_exports

__all__ = ["align_documents", "align_lines", "read_lines", "iter_realign", "realign", "flag_alignment"]
__getattr__ = lazy_exports(__name__, {"align_documents": "documents", "align_lines": "documents", "read_lines": "documents", "iter_realign": "documents", "realign": "documents", "flag_alignment": "checks"})
