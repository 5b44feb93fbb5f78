"""Rendering a comparison for people and programs: text, JSON and HTML.
"""

from parsers.lazy import lazy_exports

__all__ = ["render_text", "render_json", "render_html", "summary", "summary_line"]
__getattr__ = lazy_exports(__name__, {"render_text": "text", "render_json": "text", "render_html": "html_report", "summary": "text", "summary_line": "text"})
