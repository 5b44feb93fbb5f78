"""Comparing two versions of a document in one language: paragraphs aligned, moves and splits
found, word ops within pairs, changes classified.
"""

from parsers.lazy import lazy_exports

__all__ = ["compare_documents", "iter_compare", "diff_words"]
__getattr__ = lazy_exports(__name__, {"compare_documents": "engine", "iter_compare": "engine", "diff_words": "wordiff"})
