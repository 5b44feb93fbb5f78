"""Aligning two versions: unchanged, renumbered, added, removed, moved, split, merged, modified."""

import json

from hypothesis import given
from hypothesis import strategies as st

from compare.model import ChangeKind, CompareOptions
from compare.progress import Progress
from compare.reports.text import render_json
from compare.versions.engine import compare_documents, iter_compare
from parsers import ParseOptions, parse_file
from parsers.model import Block, BlockKind, Document, Format

P = [
    "Exhorte les États Membres à ratifier la Convention des Nations Unies contre la criminalité transnationale organisée ;",
    "Demande aux États Membres de renforcer la coopération internationale en matière de détection et de répression ;",
    "Souligne l’importance d’une coopération efficace entre les services de détection et les fournisseurs de services Internet ;",
    "Encourage les entreprises à s’appuyer sur les applications technologiques pour détecter les risques de traite ;",
    "Prie l’Office des Nations Unies contre la drogue et le crime de continuer à fournir une assistance technique ;",
    "Invite le Groupe de travail sur la traite des personnes à examiner la question à sa prochaine réunion ;",
    "Encourage les universitaires et les chercheurs à étudier l’incidence des technologies sur la traite des personnes ;",
    "Prie le Directeur exécutif de présenter à la Commission, à sa vingt-neuvième session, un rapport sur la question.",
]


def doc(texts, numbered=True, language="fr"):
    blocks = tuple(Block(i, BlockKind.OPERATIVE, t, number=str(i + 1) if numbered else None)
                   for i, t in enumerate(texts))
    return Document("doc.txt", Format.TXT, blocks, language=language)


def kinds(comparison):
    return [str(c.kind) for c in comparison.changes]


def test_identical_documents_have_no_differences():
    """The same document twice: every pair unchanged, no differences."""
    c = compare_documents(doc(P), doc(P))
    assert kinds(c) == ["unchanged"] * len(P)
    assert not c.has_differences


def test_removal_renumbers_the_following_paragraphs():
    """Removing operative 3 makes old 4..8 new 3..7: renumbered, never modified."""
    new = doc(P[:2] + P[3:])
    c = compare_documents(doc(P), new)
    assert kinds(c) == ["unchanged", "unchanged", "removed"] + ["renumbered"] * 5
    assert c.changes[3].old.number == "4" and c.changes[3].new.number == "3"
    assert c.has_differences


def test_number_change_alone_is_not_a_difference_unless_asked():
    """A paragraph whose only change is its number is renumbered; CompareOptions.count_numbers makes it count."""
    old = doc(P[:3])
    new = Document("doc.txt", Format.TXT, tuple(Block(i, BlockKind.OPERATIVE, t, number=str(i + 2))
                                                 for i, t in enumerate(P[:3])), language="fr")
    assert kinds(compare_documents(old, new)) == ["renumbered"] * 3
    assert not compare_documents(old, new).has_differences
    assert compare_documents(old, new, CompareOptions(count_numbers=True)).has_differences


def test_added_paragraph_stands_where_it_is_in_the_new_document():
    """An added paragraph is `added` at its place in the new order."""
    extra = "Invite les États Membres à échanger des informations sur les moyens de retirer les contenus en ligne ;"
    c = compare_documents(doc(P), doc(P[:5] + [extra] + P[5:]))
    assert kinds(c)[5] == "added" and c.changes[5].new.text == extra and c.changes[5].old is None
    assert kinds(c).count("added") == 1 and kinds(c).count("modified") == 0


def test_moved_paragraph_is_one_change_in_new_order():
    """Operative 4 moved up to second place: one `moved` change, placed second, no add or remove."""
    new = [P[0], P[3], P[1], P[2], *P[4:]]
    c = compare_documents(doc(P), doc(new))
    assert kinds(c).count("moved") == 1 and "added" not in kinds(c) and "removed" not in kinds(c)
    moved = c.changes[1]
    assert moved.kind is ChangeKind.MOVED and moved.moved
    assert (moved.old.number, moved.new.number) == ("4", "2")


def test_moved_and_edited_paragraph_keeps_its_ops():
    """A paragraph moved to the end and edited is `moved` with word ops showing the edit."""
    edited = P[1].replace("renforcer", "renforcer sans tarder")
    c = compare_documents(doc(P), doc([P[0], *P[2:], edited]))
    moved = [x for x in c.changes if x.moved]
    assert len(moved) == 1 and moved[0].kind is ChangeKind.MOVED
    assert [op.text.strip() for op in moved[0].ops if str(op.kind) == "insert"] == ["sans tarder"]
    assert c.changes[-1] is moved[0]


def test_split_paragraph_is_one_change_with_two_new_blocks():
    """One old paragraph split into two consecutive new ones is one change holding both."""
    first, second = P[1][:-2] + ".", "Souligne en outre l’importance d’une coopération efficace entre les services ;"
    old = doc([P[0], f"{first} {second}", P[2]])
    c = compare_documents(old, doc([P[0], first, second, P[2]]))
    assert kinds(c) == ["unchanged", "modified", "renumbered"]
    split = c.changes[1]
    assert [b.text for b in split.news] == [first, second]
    assert any("split into" in r for r in split.reasons)
    data = json.loads(render_json(c))["changes"][1]
    assert data["split"] is True and data["new_indexes"] == [1, 2]
    assert data["new"]["text"] == f"{first}\n{second}"


def test_merged_paragraphs_are_one_change_with_two_old_blocks():
    """Two consecutive old paragraphs merged into one new paragraph are one change."""
    c = compare_documents(doc(P[:4]), doc([P[0], P[1] + " " + P[2], P[3]]))
    assert kinds(c) == ["unchanged", "modified", "renumbered"]
    merged = c.changes[1]
    assert len(merged.olds) == 2 and len(merged.news) == 1
    data = json.loads(render_json(c))["changes"][1]
    assert data["merged"] is True and data["old_indexes"] == [1, 2]


def test_edited_paragraph_is_modified_not_removed_and_added():
    """A paragraph with its verb and a clause changed pairs with its old version."""
    edited = P[4].replace("Prie", "Prie instamment").replace("continuer à fournir", "fournir sans délai")
    c = compare_documents(doc(P), doc(P[:4] + [edited] + P[5:]))
    assert kinds(c) == ["unchanged"] * 4 + ["modified"] + ["unchanged"] * 3


def test_repeated_paragraphs_do_not_anchor_at_random():
    """Repeated boilerplate pairs in order, and the one edited copy is the modified one."""
    same = "Décide de rester saisie de la question."
    old = [P[0], same, P[1], same, P[2], same]
    new = [P[0], same, P[1], same.replace("saisie", "activement saisie"), P[2], same]
    c = compare_documents(doc(old), doc(new))
    assert kinds(c) == ["unchanged", "unchanged", "unchanged", "modified", "unchanged", "unchanged"]


def test_every_block_appears_once_in_new_order():
    """Changes cover each old and new block exactly once, new blocks in document order."""
    new = [P[0], P[3], P[1], "Nouveau paragraphe entièrement différent des autres textes du projet.", *P[5:]]
    c = compare_documents(doc(P), doc(new))
    olds = sorted(b.index for x in c.changes for b in x.olds)
    news = [b.index for x in c.changes for b in x.news]
    assert olds == list(range(len(P)))
    assert news == list(range(len(new)))


def test_different_documents_are_all_added_and_removed():
    """Unrelated texts do not pair: everything removed and added."""
    other = ["The quick brown fox jumps over the lazy dog.", "Lorem ipsum dolor sit amet, consectetur."]
    c = compare_documents(doc(P[:2]), doc(other, language="en"))
    assert sorted(kinds(c)) == ["added", "added", "removed", "removed"]


def test_progress_is_yielded_and_result_returned():
    """iter_compare yields Progress steps and returns the Comparison."""
    steps = iter_compare(doc(P), doc(P), CompareOptions())
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            result = stop.value
            break
    assert seen and all(isinstance(p, Progress) for p in seen)
    assert len(result.changes) == len(P)


def test_text_files_compare_with_numbers_from_the_structure_pass(tmp_path):
    """Two .txt drafts: a removed operative paragraph renumbers the rest, and a changed verb is modified."""
    head = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n"
    ops = ["Encourages Member States to strengthen international cooperation against trafficking;",
           "Requests the Secretary-General to report at its seventy-fifth session;",
           "Invites the Working Group on Trafficking in Persons to consider the question;",
           "Decides to remain seized of the matter."]
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(head + "\n\n".join(f"{i}. {t}" for i, t in enumerate(ops, 1)), encoding="utf-8")
    new_ops = [ops[0].replace("Encourages", "Urges"), ops[2], ops[3]]
    new.write_text(head + "\n\n".join(f"{i}. {t}" for i, t in enumerate(new_ops, 1)), encoding="utf-8")
    c = compare_documents(parse_file(str(old), ParseOptions()), parse_file(str(new), ParseOptions()))
    assert kinds(c) == ["unchanged", "unchanged", "modified", "removed", "renumbered", "renumbered"]
    assert str(c.changes[2].commitment) == "strengthened"


POOL = P + [
    "Rappelant toutes les résolutions de l’Organisation des Nations Unies sur le sujet,",
    "Décide de rester saisie de la question.",
    "Décide de rester saisie de la question.",
    "Note avec satisfaction les travaux accomplis par l’Office.",
    "Invite les États Membres à verser des contributions volontaires.",
]


@given(st.lists(st.sampled_from(POOL), max_size=14), st.lists(st.sampled_from(POOL), max_size=14),
       st.lists(st.tuples(st.integers(0, 13), st.sampled_from([" notamment", " sans tarder", "é"])), max_size=4))
def test_any_revision_covers_every_block_once_in_order(old_texts, new_texts, edits):
    """Whatever the revision, each old and new block is in exactly one change, new blocks in order,
    and the ops of each change rebuild its texts."""
    new_texts = list(new_texts)
    for at, word in edits:
        if at < len(new_texts):
            new_texts[at] = new_texts[at][:-2] + word + new_texts[at][-2:]
    c = compare_documents(doc(old_texts), doc(new_texts))
    assert sorted(b.index for x in c.changes for b in x.olds) == list(range(len(old_texts)))
    assert [b.index for x in c.changes for b in x.news] == list(range(len(new_texts)))
    for change in c.changes:
        old = "".join(op.text for op in change.ops if str(op.kind) != "insert")
        new = "".join(op.text for op in change.ops if str(op.kind) != "delete")
        assert old == "\n".join(b.text for b in change.olds)
        assert new == "\n".join(b.text for b in change.news)
    assert c.has_differences == (old_texts != new_texts)


def test_symbol_line_kept_by_one_reader_only_is_not_a_difference():
    """A masthead line holding only the symbol, which the other file has as its running header,
    is unchanged; a different symbol line is an addition."""
    def with_symbol(first, symbol):
        blocks = tuple(Block(i, BlockKind.OPERATIVE, t, number=str(i)) for i, t in enumerate(P[:3], 1))
        if first:
            blocks = (Block(0, BlockKind.HEADING, first), *blocks)
        return Document("doc", Format.TXT, blocks, language="fr", symbol=symbol)

    c = compare_documents(with_symbol("E/CN.15/2018/L.2", "E/CN.15/2018/L.2"), with_symbol(None, "E/CN.15/2018/L.2"))
    assert kinds(c) == ["unchanged"] * 4 and not c.has_differences
    assert c.changes[0].new is None and "running header" in c.changes[0].reasons[0]
    c = compare_documents(with_symbol(None, "E/CN.15/2018/L.2"),
                          with_symbol("E/CN.15/2018/L.2/Rev.1", "E/CN.15/2018/L.2/Rev.1"))
    assert kinds(c) == ["added"] + ["unchanged"] * 3



def test_a_symbol_line_is_found_whatever_its_case_and_spaces():
    """The masthead line is matched to the other file's symbol as case-folded text: in another
    case, with spaces around, and where folding makes the line longer than it was (ß -> ss: the
    line is tested when no longer than the symbol, as folding never shortens a text); a longer
    line is not the symbol."""
    from compare.versions.engine import masthead_symbols

    other = Document("o", Format.TXT, (Block(0, BlockKind.OPERATIVE, P[0], number="1"),), symbol="A/STRASSE/1")
    lines = ["  a/straße/1 ", "A/Strasse/1", "A/STRASSE/1/Add.1", "a/strasse/1."]
    blocks = [Block(i, BlockKind.HEADING, t) for i, t in enumerate(lines)]
    assert masthead_symbols(blocks, lines, other) == frozenset({0, 1})


def test_a_line_the_other_file_holds_as_its_running_header_is_set_aside():
    """A Word file's first-page header (furniture there) printed once on its PDF's first page
    (body there): the PDF's block is reported unchanged with why, not added; a block the other
    file holds in its body too, and any other furniture kind, still count."""
    from parsers.model import Furniture

    header, footer = "This sample document is the work product of a coalition.", "Last Updated 2024"
    word = Document("d.docx", Format.DOCX, tuple(Block(i, BlockKind.OPERATIVE, t, number=str(i + 1))
                                                 for i, t in enumerate(P[:3])),
                    furniture=(Furniture(None, header, "running header"), Furniture(None, footer, "running footer"),
                               Furniture(2, P[5], "job number")))
    pdf_texts = [header, *P[:3], footer, P[5]]
    pdf = Document("d.pdf", Format.PDF, tuple(Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(pdf_texts)))
    changes = compare_documents(word, pdf).changes
    aside = {c.news[0].text: c.reasons for c in changes if c.news and c.kind is ChangeKind.UNCHANGED and not c.olds}
    assert aside == {header: ("a running header in the other file, not a body block",),
                     footer: ("a running footer in the other file, not a body block",)}
    assert [c.news[0].text for c in changes if c.kind is ChangeKind.ADDED] == [P[5]]
    # the same text in the other file's body as well: compared as text, so a second copy is added
    both = Document("w.docx", Format.DOCX, (*word.blocks, Block(3, BlockKind.PARAGRAPH, header)),
                    furniture=word.furniture)
    twice = Document("d.pdf", Format.PDF, (*pdf.blocks, Block(len(pdf.blocks), BlockKind.PARAGRAPH, header)))
    added = [c.news[0].text for c in compare_documents(both, twice).changes if c.kind is ChangeKind.ADDED]
    assert sorted(added) == sorted([header, P[5]])
    # a title that is also the other file's running title pairs with that file's title, edited
    title = "Political declaration of the high-level meeting on the fight against tuberculosis"
    old = Document("o.pdf", Format.PDF, (Block(0, BlockKind.HEADING, title), *pdf.blocks[1:4]))
    new = Document("n.pdf", Format.PDF, (Block(0, BlockKind.HEADING, title.replace("fight against", "response to")),
                                         *pdf.blocks[1:4]), furniture=(Furniture(2, title, "running header"),))
    assert [str(c.kind) for c in compare_documents(old, new).changes] == ["modified", "unchanged", "unchanged", "unchanged"]

def test_a_rule_line_the_other_file_sets_aside_is_not_removed():
    """A Word draft's typed rule "___________" (the line that ends a UN text) against its PDF,
    whose reader lists such a line as a footnote separator: set aside with why, not removed. When
    the other file lists no such line, it is removed as any paragraph."""
    from parsers.model import Furniture

    rule = "___________"
    word = Document("w.docx", Format.DOCX, (Block(0, BlockKind.OPERATIVE, P[0], number="1"),
                                            Block(1, BlockKind.PARAGRAPH, rule)))
    pdf = Document("p.pdf", Format.PDF, (Block(0, BlockKind.OPERATIVE, P[0], number="1"),),
                   furniture=(Furniture(1, "__________________", "footnote separator"),))
    changes = compare_documents(word, pdf).changes
    assert [(str(c.kind), c.reasons) for c in changes] == [
        ("unchanged", ()), ("unchanged", ("a rule line, set aside as page furniture in the other file",))]
    bare = Document("p.pdf", Format.PDF, pdf.blocks)
    assert [str(c.kind) for c in compare_documents(word, bare).changes] == ["unchanged", "removed"]


def test_a_table_read_as_lines_in_the_other_file_is_one_unchanged_change():
    """A Word signature table (one block, cells by tabs) and its PDF's lines, which take a line of
    each cell in turn: the same words, so one change, unchanged, with why; a word changed in one
    line and the table is removed, the lines added."""
    table = ("MERIDIAN CONSULTING LLC By: ____ Name: Dana Whitfield\tATLAS CORPORATION By: ____ "
             "Name: Jordan Alvarez Title: Chief Operating Officer")
    lines = ["MERIDIAN CONSULTING LLC ATLAS", "CORPORATION", "By: ____\tBy: ____",
             "Name: Dana Whitfield\tName: Jordan Alvarez", "Title: Chief Operating Officer"]
    word = Document("w.docx", Format.DOCX, (Block(0, BlockKind.OPERATIVE, P[0], number="1"),
                                            Block(1, BlockKind.TABLE, table)))
    pdf = Document("p.pdf", Format.PDF, (Block(0, BlockKind.OPERATIVE, P[0], number="1"),
                                         *(Block(i + 1, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines))))
    changes = compare_documents(word, pdf).changes
    assert [(str(c.kind), len(c.olds), len(c.news), c.reasons) for c in changes] == [
        ("unchanged", 1, 1, ()),
        ("unchanged", 1, 5, ("a table in one file, its cells read as lines in the other: the same words",))]
    assert [str(c.kind) for c in compare_documents(pdf, word).changes] == ["unchanged", "unchanged"]
    edited = Document("p.pdf", Format.PDF, (*pdf.blocks[:-1], Block(5, BlockKind.PARAGRAPH, "Title: Chief Executive Officer")))
    assert sorted(str(c.kind) for c in compare_documents(word, edited).changes) == \
        ["added"] * 5 + ["removed", "unchanged"]


def test_near_anchors_are_the_same_by_the_loop_and_by_candidate_pairs(monkeypatch):
    """near_pairs scores every pair of a small matrix in a Python loop and only the candidate
    pairs (compare.versions.candidates) of a large one: both paths give the same anchors on the
    same texts."""
    import random

    from compare.versions import engine

    rng = random.Random(7)
    words = ["Member", "States", "urge", "request", "the", "Secretary-General", "report", "implementation", "resolution", "decides"]
    base = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(60)]
    old = base
    new = [t if rng.random() < 0.7 else t.replace(t.split()[0], "Invites", 1) for t in base]
    rng.shuffle(new)
    positions = list(range(len(old))), list(range(len(new)))
    small = engine.near_pairs(old, new, *positions)
    monkeypatch.setattr(engine, "LOOP_CELLS", 0)
    assert engine.near_pairs(old, new, *positions) == small
    assert small
