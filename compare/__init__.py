"""Alignment, word diffs and commitment classification over the document model. No Qt here."""
