"""The redline's word/settings.xml switches change tracking on (w:trackRevisions), so that edits
the reader makes to the redline are tracked too, as in a file Word's own Compare writes."""

from __future__ import annotations

from lxml import etree

from compare.redline.package import Package
from compare.redline.wordml import make
from parsers.docx.wordml import R_NS, is_w, w

SETTINGS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
SETTINGS_REL = f"{R_NS}/settings"
# The elements CT_Settings puts before w:trackRevisions (ECMA-376 Part 1, 17.15.1.78): Word
# rejects a settings part whose children are out of order.
BEFORE_TRACK_REVISIONS = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
    "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
    "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView",
)


def track_revisions(package: Package) -> None:
    """Set w:trackRevisions in the package's settings (creating the part when there is none)."""
    main = package.main_part()
    name = package.related(main, SETTINGS_REL)
    if name is None:
        package.add_part("word/settings.xml", make("settings", None, make("trackRevisions")), SETTINGS_TYPE,
                         main, SETTINGS_REL)
        return
    settings = package.xml(name)
    if settings.find(w("trackRevisions")) is not None:
        return
    before = [c for c in settings if isinstance(c.tag, str) and is_w(c, *BEFORE_TRACK_REVISIONS)]
    flag: etree._Element = make("trackRevisions")
    if before:
        before[-1].addnext(flag)
    else:
        settings.insert(0, flag)
