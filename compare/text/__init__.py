"""Text shared by every comparison: tokens (words, numbers, symbols) and the folded keys that
decide what counts as the same.
"""

from parsers.lazy import lazy_exports

__all__ = ["tokenize", "Token", "TokenKind", "fold", "key_text"]
__getattr__ = lazy_exports(__name__, {"tokenize": "tokenize", "Token": "tokenize", "TokenKind": "tokenize", "fold": "normalize", "key_text": "normalize"})
