"""Word equations (Office Math) read in Word's linear form (parsers.docx.math), from hand-written
OMML and from the real Word corpus."""

from __future__ import annotations

from lxml import etree
from real_word import real

from parsers.api import parse_file
from parsers.docx.math import math_text
from parsers.docx.text import DEL, INS

NS = ('xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"')


def linear(body: str, skip: tuple[str, ...] = (DEL,)) -> str:
    return math_text(etree.fromstring(f"<m:oMath {NS}>{body}</m:oMath>"), skip)


def r(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def test_scripts_fractions_and_delimiters():
    """A script after its base (a part of more than one character in parentheses), a fraction
    with "/" or, without a bar, "¦", delimiters as set or "(" and ")" by default."""
    assert linear(f"<m:sSup><m:e>{r('x')}</m:e><m:sup>{r('2')}</m:sup></m:sSup>") == "x^2"
    assert linear(f"<m:sSub><m:e>{r('a')}</m:e><m:sub>{r('i+1')}</m:sub></m:sSub>") == "a_(i+1)"
    assert linear(f"<m:sSubSup><m:e>{r('x')}</m:e><m:sub>{r('0')}</m:sub><m:sup>{r('n')}</m:sup></m:sSubSup>") == "x_0^n"
    assert linear(f"<m:f><m:num>{r('a+b')}</m:num><m:den>{r('2')}</m:den></m:f>") == "(a+b)/2"
    assert linear(f'<m:f><m:fPr><m:type m:val="noBar"/></m:fPr><m:num>{r("n")}</m:num><m:den>{r("k")}</m:den></m:f>') == "n¦k"
    assert linear(f"<m:d><m:e>{r('x')}</m:e><m:e>{r('y')}</m:e></m:d>") == "(x|y)"
    assert linear(f'<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val=""/></m:dPr><m:e>{r("0,1")}</m:e></m:d>') == "[0,1"


def test_large_operators_roots_matrices_and_the_rest():
    """A large operator's character (∫ by default) with its limits, those hidden left out, and
    its body after "▒"; a root with its degree; a matrix's cells by "&" and rows by "@"; a
    structure not listed gives its parts; adjacent scripted parts are kept apart by a space."""
    nary = (f'<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>{r("k=0")}</m:sub><m:sup>{r("n")}</m:sup>'
            f'<m:e>{r("k")}</m:e></m:nary>')
    assert linear(nary) == "∑_(k=0)^n▒k"
    hidden = f'<m:nary><m:naryPr><m:subHide/><m:supHide m:val="1"/></m:naryPr><m:sub/><m:sup/><m:e>{r("f")}</m:e></m:nary>'
    assert linear(hidden) == "∫▒f"
    assert linear(f"<m:rad><m:deg>{r('3')}</m:deg><m:e>{r('x')}</m:e></m:rad>") == "√(3&x)"
    assert linear(f"<m:rad><m:radPr><m:degHide/></m:radPr><m:deg/><m:e>{r('2')}</m:e></m:rad>") == "√(2)"
    matrix = f"<m:m><m:mr><m:e>{r('a')}</m:e><m:e>{r('b')}</m:e></m:mr><m:mr><m:e>{r('c')}</m:e><m:e>{r('d')}</m:e></m:mr></m:m>"
    assert linear(matrix) == "■(a&b@c&d)"
    assert linear(f"<m:box><m:e>{r('y')}</m:e></m:box>{r('=1')}") == "y=1"
    two = f"<m:sSup><m:e>{r('x')}</m:e><m:sup>{r('k')}</m:sup></m:sSup><m:sSup><m:e>{r('a')}</m:e><m:sup>{r('j')}</m:sup></m:sSup>"
    assert linear(two) == "x^k a^j"


def test_tracked_changes_inside_an_equation():
    """A deletion inside an equation is out of the accepted reading and back in the original
    one, an insertion the reverse, as in the rest of a paragraph."""
    body = f'<m:r><m:t>x</m:t></m:r><w:del><m:r><w:delText>+1</w:delText></m:r></w:del><w:ins>{r("+2")}</w:ins>'
    assert linear(body, skip=(DEL,)) == "x+2"
    assert linear(body, skip=(INS,)) == "x+1"


def test_the_real_files_equation_is_read():
    """The equation of a real Word file (the binomial theorem in Open-XML-PowerTools' complicated
    document) is a paragraph in Word's linear form; it used to be left out in silence."""
    document = parse_file(str(real("oxpt-HC031-Complicated-Document.docx")))
    (equation,) = [b.text for b in document.blocks if "∑" in b.text]
    assert equation == "(x+a)^n=∑_(k=0)^n▒((n¦k)x^k a^(n-k))"
