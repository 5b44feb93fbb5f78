"""A Word package (OPC zip) held in memory for the redline export: parts by name, parsed XML on
demand with the safe parser, content-type overrides and relationships for parts we add, and the
first free revision id."""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from compare.redline.wordml import safe_parser
from parsers.docx.safety import check_docx
from parsers.docx.wordml import R_NS, W_NS
from parsers.errors import ErrorCode, ParseError

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = f"{R_NS}/officeDocument"
CONTENT_TYPES = "[Content_Types].xml"
# A .docx's main part, and the parts a macro-enabled document or template may have that a .docx
# may not: Word refuses a .docx holding them. Their relationship types are Microsoft's.
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_RELATIONSHIPS = tuple(f"http://schemas.microsoft.com/office/2006/relationships/{kind}"
                            for kind in ("vbaProject", "keyMapCustomizations", "attachedToolbars"))
VBA_DATA = "http://schemas.microsoft.com/office/2006/relationships/wordVbaData"


class Package:
    """Parts of a .docx by zip name; XML parts are parsed once and serialised on `to_bytes`."""

    def __init__(self, parts: dict[str, bytes], path: str = "") -> None:
        self.parts = dict(parts)
        self.path = path
        self._xml: dict[str, etree._Element] = {}

    @classmethod
    def read(cls, path: str) -> Package:
        # The file may have changed since it was parsed in the sandbox: check it again before
        # inflating its parts in this process (a zip bomb must not reach the application).
        check_docx(path)
        try:
            with zipfile.ZipFile(path) as zf:
                parts = {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}
        except (OSError, zipfile.BadZipFile) as exc:
            raise ParseError(path, ErrorCode.CORRUPT, f"cannot reopen the Word file for the redline ({exc})") from exc
        package = cls(parts, path)
        package.main_part()  # fails early on a package without a document
        return package

    # --- parts ------------------------------------------------------------------------------

    def xml(self, name: str) -> etree._Element:
        if name not in self._xml:
            if name not in self.parts:
                raise ParseError(self.path, ErrorCode.CORRUPT, f"the Word file has no part {name}")
            try:
                self._xml[name] = etree.fromstring(self.parts[name], safe_parser())
            except etree.XMLSyntaxError as exc:
                raise ParseError(self.path, ErrorCode.CORRUPT, f"{name} is not well-formed XML ({exc})") from exc
        return self._xml[name]

    def set_xml(self, name: str, root: etree._Element) -> None:
        self._xml[name] = root
        self.parts.setdefault(name, b"")

    def has(self, name: str) -> bool:
        return name in self.parts

    def main_part(self) -> str:
        """Zip name of the main document part (from _rels/.rels, usually word/document.xml)."""
        for rel in self.xml("_rels/.rels"):
            if rel.get("Type") == OFFICE_DOCUMENT:
                return rel.get("Target", "").lstrip("/")
        raise ParseError(self.path, ErrorCode.CORRUPT, "the Word file names no main document part")

    def related(self, source: str, rel_type: str) -> str | None:
        """Zip name of the first part `source` relates to with `rel_type`, if any."""
        rels = rels_name(source)
        if rels not in self.parts:
            return None
        for rel in self.xml(rels):
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
                return posixpath.normpath(posixpath.join(posixpath.dirname(source), rel.get("Target", "")))
        return None

    def related_all(self, source: str, rel_types: tuple[str, ...]) -> list[str]:
        """Zip names of every part `source` relates to with one of `rel_types`."""
        rels = rels_name(source)
        if rels not in self.parts:
            return []
        return [posixpath.normpath(posixpath.join(posixpath.dirname(source), rel.get("Target", "")))
                for rel in self.xml(rels)
                if rel.get("Type") in rel_types and rel.get("TargetMode") != "External"]

    def add_part(self, name: str, root: etree._Element, content_type: str, source: str, rel_type: str) -> None:
        """Add an XML part, its content-type override and a relationship from `source`."""
        self.set_xml(name, root)
        types = self.xml(CONTENT_TYPES)
        if not any(o.get("PartName") == f"/{name}" for o in types):
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", f"/{name}")
            override.set("ContentType", content_type)
        rels = rels_name(source)
        if rels not in self.parts:
            self.set_xml(rels, etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS}))  # type: ignore[dict-item]  # lxml-stubs: None (the default namespace) is a valid prefix
        root_rels = self.xml(rels)
        used = {r.get("Id") for r in root_rels}
        n = 1
        while f"rId{n}" in used:
            n += 1
        rel = etree.SubElement(root_rels, f"{{{PR_NS}}}Relationship")
        rel.set("Id", f"rId{n}")
        rel.set("Type", rel_type)
        rel.set("Target", posixpath.relpath(name, posixpath.dirname(source)))

    def first_free_id(self) -> int:
        """One above every numeric w:id in the Word parts (bookmarks, comments, revisions,
        footnotes): revision ids must not collide with any of them."""
        highest = 0
        key = f"{{{W_NS}}}id"
        for name in self.parts:
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = self._xml.get(name)
            if root is None:  # read without keeping: parts we do not change keep their bytes
                try:
                    root = etree.fromstring(self.parts[name], safe_parser())
                except etree.XMLSyntaxError as exc:
                    raise ParseError(self.path, ErrorCode.CORRUPT, f"{name} is not well-formed XML ({exc})") from exc
            for el in root.iter():
                value = el.get(key) if isinstance(el.tag, str) else None
                if value is not None and value.lstrip("-").isdigit():
                    highest = max(highest, int(value))
        return highest + 1

    def as_document(self) -> None:
        """Make this package a Word document (.docx) if it is a macro-enabled document or a
        template (.docm, .dotx, .dotm): its main part typed as a document's, the macros, their
        data and the customised toolbars and keys left out (the redline is written as a .docx)."""
        main = self.main_part()
        types = self.xml(CONTENT_TYPES)
        for override in types.iter(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == main and override.get("ContentType") != DOCUMENT_MAIN:
                override.set("ContentType", DOCUMENT_MAIN)
        rels = rels_name(main)
        if rels not in self.parts:
            return
        dropped: list[str] = []
        for rel in list(self.xml(rels)):
            if rel.get("Type") in MACRO_RELATIONSHIPS and rel.get("TargetMode") != "External":
                part = posixpath.normpath(posixpath.join(posixpath.dirname(main), rel.get("Target", "")))
                dropped += [part, *self.related_all(part, (VBA_DATA,))]
                self.xml(rels).remove(rel)
        for part in dropped:
            for name in (part, rels_name(part)):
                self.parts.pop(name, None)
                self._xml.pop(name, None)
            for override in list(types.iter(f"{{{CT_NS}}}Override")):
                if override.get("PartName", "").lstrip("/") == part:
                    types.remove(override)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            names = sorted(self.parts, key=lambda n: (n != CONTENT_TYPES, n != "_rels/.rels"))
            for name in names:
                data = self.parts[name]
                if name in self._xml:
                    data = etree.tostring(self._xml[name], xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
                zf.writestr(name, data)
        return out.getvalue()


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")
