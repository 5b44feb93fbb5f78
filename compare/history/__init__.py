"""Negotiation history (issue 16): where each paragraph of a draft comes from (`trace`, over an
on-disk index of base paragraphs), each paragraph's lineage through several versions (`lineage`),
comparison across languages (`cross_language`), and negotiation brackets (`brackets`).

One job a module; nothing is imported here, so `import compare.history.brackets` loads no index."""
