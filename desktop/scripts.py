"""Scripts the window must lay out with care: Arabic (and Hebrew, Persian, Urdu) right to left,
Chinese with a font that has its glyphs. Shared by the align view and the compare panes."""

from __future__ import annotations

import unicodedata
from functools import cache

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
# Writing systems that need a font of their own, by the languages that use them.
CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


def is_rtl(text: str, language: str | None = None) -> bool:
    """Whether a paragraph reads right to left: its first strong character decides (the Unicode
    bidi rule P2), the language when the text has none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return (language or "").split("-")[0] in RTL_LANGUAGES


def has_cjk(text: str) -> bool:
    """Whether the text holds Han characters, kana or hangul."""
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff"
               for ch in text)


@cache
def cjk_family() -> str | None:
    """A font family installed here that has Chinese glyphs (None when there is none: Chinese
    then shows as empty boxes, and the window says so)."""
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    preferred = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun",
                 "PingFang SC", "AR PL UMing CN")
    for name in preferred:
        if name in families:
            return name
    return families[0] if families else None


MISSING_CJK_FONT = ("No font with Chinese characters is installed, so they show as boxes: install one "
                    "(Noto Sans CJK or WenQuanYi Micro Hei; on Debian, fonts-noto-cjk or fonts-wqy-microhei).")
