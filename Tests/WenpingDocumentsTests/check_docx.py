"""Opens Word reports with python-docx and prints what it finds in each, as JSON (one object per file).

Usage: python check_docx.py FILE.docx...  — the Swift test `PythonDocxTests` runs it and checks the result.
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def table_summary(table):
    first = table.rows[0]
    tr_pr = first._tr.trPr
    repeats = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    return {
        "header": [cell.text for cell in first.cells],
        "rows": len(table.rows),
        "repeatHeader": repeats,
        "style": table.style.name if table.style is not None else None,
    }


def summary(path):
    document = docx.Document(path)
    section = document.sections[0]
    footer = section.footer
    footer_xml = footer._element.xml
    return {
        "file": path,
        "title": document.core_properties.title,
        "headings1": [p.text for p in document.paragraphs if p.style.name == "Heading 1"],
        "headings2": [p.text for p in document.paragraphs if p.style.name == "Heading 2"],
        "captions": [p.text for p in document.paragraphs if p.style.name == "Caption"],
        "tables": [table_summary(t) for t in document.tables],
        "pageWidthMm": round(section.page_width.mm),
        "pageHeightMm": round(section.page_height.mm),
        "footer": "".join(p.text for p in footer.paragraphs),
        "footerFields": [f for f in ("PAGE", "NUMPAGES") if f" {f} " in footer_xml],
        "differentFirstPage": section.different_first_page_header_footer,
        "header": "".join(p.text for p in section.header.paragraphs),
        "styles": sorted({s.name for s in document.styles}),
        "hasToc": " TOC " in document.element.body.xml,
        "hasChart": "drawingml/2006/chart" in document.element.body.xml,
    }


if __name__ == "__main__":
    print(json.dumps([summary(path) for path in sys.argv[1:]], ensure_ascii=False))
