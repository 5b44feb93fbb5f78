"""Writing a comparison as a Word file with native tracked changes and comments.
"""

from parsers.lazy import lazy_exports

__all__ = ["render_redline", "DEFAULT_AUTHOR"]
__getattr__ = lazy_exports(__name__, {"render_redline": "writer", "DEFAULT_AUTHOR": "writer"})
