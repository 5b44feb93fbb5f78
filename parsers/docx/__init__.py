"""Reading Word files: WordprocessingML walked in order, numbering and styles resolved, tracked
changes read accepted or rejected. The only package that imports python-docx.
"""

from parsers.lazy import lazy_exports

__all__ = ["read_docx", "check_docx", "DocxLimits"]
__getattr__ = lazy_exports(__name__, {"read_docx": "reader", "check_docx": "safety", "DocxLimits": "safety"})
