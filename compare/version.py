"""The comparison engine's version, in a module of its own: the command line keys a pair's kept
report with it before it loads anything else of the engine (compare.reports.json_report)."""

# Bump on any change to what compare/* computes for a pair (alignment, ops, kinds, commitments,
# reasons, similarity, lexicons), or when the engine starts reading another field of Document or
# Block (add that field to compare.result_cache._document_key too): old entries then miss and are
# computed again.
COMPARE_VERSION = "18"  # 2: footnotes, options; 3: relatedness floor, hedges; 4: intensifiers; 5: tatweel; 6: space before "(" after a number; 7: roman endnote marks; 8: Arabic presentation forms; 9: the other file's running lines set aside; 10: tables read as lines; 11: rule lines set aside; 12: private-use glyphs; 13: running lines set aside only when lone; 14: right-to-left text printed alike, a tatweel after punctuation; 15: symbol codes as the Symbol font's characters; 16: a space beside Chinese is spacing; 17: a figure's groups print as their space joins them; 18: a figure written with other separators is no figure change
