#!/usr/bin/env python3
"""Inputs of the booklet benchmark, all from datasets/operations-manual-2567.json:

  manual-xN.json   the dataset with its parts repeated N times (renumbered ส่วนที่ ๑ … ๔N), for raingan
  manual-xN.typ    the same book for Typst
  manual-xN.html   the same book for Chromium's print-to-PDF

Same text, Laksaman 16 pt, A4, margins 2.5 cm top, 2 cm right and bottom, 3 cm left, as templates/manual.xml
sets them: cover, foreword, contents, each part on a new page with its title as running header, headings,
paragraphs (justified, first line indented), lists numbered as the template numbers them (Thai digits),
bibliography, appendix, back cover.

    bench/booklet/make_inputs.py OUT_FOLDER [N ...]      (default N: 1 10)
"""
import copy
import html
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
THAI = "๐๑๒๓๔๕๖๗๘๙"


def thai(n):
    return "".join(THAI[int(c)] if c.isdigit() else c for c in str(n))


def repeated(data, times):
    book = copy.deepcopy(data)
    parts = []
    for k in range(times):
        for part in data["parts"]:
            p = copy.deepcopy(part)
            p["number"] = len(parts) + 1
            parts.append(p)
    book["parts"] = parts
    book.pop("corrections", None)  # they name paths of the original parts
    return book


def label(style, n, prefix, parent):
    """The printed number of item n, as templates/manual.xml numbers it."""
    number = thai(n)
    if style == "decimal-dot":
        return number + "."
    if style == "decimal-paren":
        return number + ")"
    if style in ("nested", "nested-paren"):
        base = (prefix or parent).rstrip(".) ")
        text = base + "." + number if base else number
        return text if style == "nested" else text + ")"
    if style == "dash":
        return "-"
    if style == "bullet":
        return "•"
    return ""


def walk_items(items, style, start, prefix, parent, emit, depth=0):
    for i, item in enumerate(items):
        text = item.get("label") or label(style, start + i, prefix, parent)
        emit(depth, text, item["text"])
        if "items" in item:
            walk_items(item["items"], item.get("style", "nested"), item.get("start", 1), item.get("prefix", ""), text,
                       emit, depth + 1)


def blocks_events(blocks):
    """The blocks as (kind, ...) events: heading, paragraph, item, caption, box."""
    for b in blocks:
        t = b["type"]
        if t == "heading":
            printed = (b["number"] + " " + b["text"]) if "number" in b else b["text"]
            yield ("heading", b["level"], printed, bool(b.get("toc")), b.get("toc_title", b["text"]))
        elif t == "paragraph":
            yield ("paragraph", b["text"], b.get("indent", True))
        elif t in ("list", "steps"):
            out = []
            walk_items(b["items"], b.get("style", "decimal-dot"), b.get("start", 1), b.get("prefix", ""), "",
                       lambda d, l, x: out.append(("item", d, l, x)))
            yield from out
        elif t == "note":
            yield ("paragraph", b["text"], False)
        elif t == "figure":
            for line in b.get("caption", []):
                yield ("caption", line)
            yield ("box",)


# ---- Typst ---------------------------------------------------------------------------------------------

def typst_text(text):
    out = []
    for ch in text:
        if ch in "\\#*_`$<>@[]=-+/~\"'":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(" \\\n")
        else:
            out.append(ch)
    return "".join(out)


def typst(book):
    o = []
    o.append('#set document(title: "%s")' % typst_text(book["title"]).replace('"', ""))
    # Lines 31.79 pt apart, as raingan (and Word) set Laksaman 16 pt: Windows ascent 1.27 em + descent
    # 0.687 em + line gap 0.03 em.
    o.append('#set text(font: ("Laksaman", "Noto Sans Symbols2"), size: 16pt, lang: "th", top-edge: 1.27em, '
             'bottom-edge: -0.687em)')
    o.append('#set par(justify: true, leading: 0.03em)')
    o.append('#show par: set block(spacing: 2pt)')
    o.append('#set heading(outlined: false)')
    o.append('#let running = state("running", "")')
    o.append('#set page(paper: "a4", margin: (top: 2.5cm, right: 2cm, bottom: 2cm, left: 3cm), header-ascent: 0.8cm)')
    o.append('#let thai(n) = str(n).replace("0", "๐").replace("1", "๑").replace("2", "๒").replace("3", "๓")'
             '.replace("4", "๔").replace("5", "๕").replace("6", "๖").replace("7", "๗").replace("8", "๘").replace("9", "๙")')
    o.append('#let letters = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ".clusters()')
    # Cover
    o.append('#page(header: none)[#v(3cm)')
    sizes = {"title": "40pt", "ornament": "24pt", "subtitle": "28pt", "date": "24pt", "group": "22pt", "office": "20pt",
             "note": "18pt"}
    for line in book.get("cover", {}).get("lines", []):
        before = "#v(9cm)" if line["role"] == "group" else ""
        weight = "bold" if line["role"] in ("title", "subtitle", "date", "group") else "regular"
        o.append('%s#align(center, text(size: %s, weight: "%s")[%s])' % (before, sizes[line["role"]], weight,
                                                                          typst_text(line["text"])))
    o.append(']')
    # Front matter numbered ก ข ค
    o.append('#set page(numbering: (n, ..) => letters.at(n - 1), header: locate(loc => align(right, '
             'letters.at(counter(page).at(loc).first() - 1))))')
    o.append('#counter(page).update(1)')
    o.append('#heading(level: 1, outlined: true)[#align(center, text(size: 22pt)[%s])]' % typst_text(book["foreword"]["title"]))
    for p in book["foreword"]["paragraphs"]:
        o.append('#par(first-line-indent: 1.25cm)[%s]' % typst_text(p))
    o.append('#pagebreak()')
    o.append('#align(center, text(size: 22pt, weight: "bold")[สารบัญ])')
    o.append('#align(right, text(weight: "bold")[หน้า])')
    o.append('#outline(title: none, depth: 2, indent: 1cm)')
    # Body numbered ๑ ๒ ๓ with the part as running header
    o.append('#set page(numbering: (n, ..) => thai(n), header: locate(loc => [#text(size: 14pt, fill: rgb("#555555"), '
             'running.at(loc)) #h(1fr) #thai(counter(page).at(loc).first())]))')
    o.append('#pagebreak()')
    o.append('#counter(page).update(1)')
    for part in book["parts"]:
        name = "ส่วนที่ " + thai(part["number"])
        o.append('#running.update("%s %s")' % (name, part["title"].replace('"', "")))
        o.append('#pagebreak(weak: true)')
        o.append('#heading(level: 1, outlined: true)[#align(center, text(size: 22pt)[%s \\ %s])]' % (
            typst_text(name), typst_text(part["title"])))
        o.extend(typst_blocks(part["blocks"]))
    if book.get("bibliography"):
        o.append('#running.update("บรรณานุกรม")')
        o.append('#pagebreak(weak: true)')
        o.append('#heading(level: 1, outlined: true)[#align(center, text(size: 22pt)[บรรณานุกรม])]')
        for entry in book["bibliography"]:
            o.append('#par(hanging-indent: 1.25cm, justify: false)[%s]' % typst_text(entry))
    if book.get("appendix"):
        o.append('#running.update("ภาคผนวก")')
        o.append('#pagebreak(weak: true)')
        o.append('#heading(level: 1, outlined: true)[#align(center, text(size: 22pt)[ภาคผนวก])]')
        for section in book["appendix"]:
            o.append('#heading(level: 2, outlined: true)[#align(center)[%s]]' % typst_text(section["title"]))
            o.extend(typst_blocks(section["blocks"]))
    if book.get("back_cover"):
        o.append('#page(header: none, numbering: none)[#v(17cm)')
        for line in book["back_cover"]["lines"]:
            o.append('#align(center, text(size: 20pt, weight: "bold")[%s])' % typst_text(line["text"]))
        o.append(']')
    return "\n".join(o) + "\n"


def typst_blocks(blocks):
    o = []
    sizes = {2: "18pt", 3: "17pt", 4: "16pt"}
    for e in blocks_events(blocks):
        if e[0] == "heading":
            _, level, printed, toc, toc_title = e
            o.append('#heading(level: %d, outlined: %s)[#text(size: %s)[%s]]' % (
                min(level, 2) if toc else level, "true" if toc else "false", sizes.get(level, "16pt"),
                typst_text(printed)))
        elif e[0] == "paragraph":
            o.append('#par(first-line-indent: %s)[%s]' % ("1.25cm" if e[2] else "0cm", typst_text(e[1])))
        elif e[0] == "item":
            _, depth, lab, text = e
            o.append('#pad(left: %scm)[#grid(columns: (1.2cm, 1fr), [%s], par(justify: false)[%s])]' % (
                1.25 if depth == 0 else 1.25 + 1.0 * depth, typst_text(lab), typst_text(text)))
        elif e[0] == "caption":
            o.append('#align(center, text(size: 15pt, weight: "bold")[%s])' % typst_text(e[1]))
        elif e[0] == "box":
            o.append('#rect(width: 100%, height: 8cm, stroke: 0.6pt)')
    return o


# ---- HTML for Chromium ---------------------------------------------------------------------------------

def html_book(book):
    e = html.escape
    o = ["<!doctype html><html lang=th><head><meta charset=utf-8><title>%s</title><style>" % e(book["title"]),
         "@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; @top-right { content: counter(page, thai); "
         "font: 16pt Laksaman; } }",
         "@page cover { @top-right { content: none; } }",
         "body { font-family: Laksaman, 'Noto Sans Symbols2'; font-size: 16pt; line-height: 1.987; margin: 0; }",
         "p { margin: 0 0 2pt; text-align: justify; }",
         ".indent { text-indent: 1.25cm; }",
         ".cover { page: cover; text-align: center; break-after: page; padding-top: 3cm; }",
         ".part { break-before: page; text-align: center; font-size: 22pt; font-weight: bold; margin: 0 0 14pt; }",
         "h2 { font-size: 18pt; margin: 10pt 0 4pt; } h3 { font-size: 17pt; margin: 8pt 0 2pt; }",
         "h4 { font-size: 16pt; margin: 6pt 0 2pt; } h2, h3, h4 { break-after: avoid; }",
         ".item { display: flex; text-align: left; } .item .label { flex: 0 0 1.2cm; }",
         ".caption { text-align: center; font-weight: bold; font-size: 15pt; }",
         ".box { border: 0.6pt solid black; height: 8cm; margin: 6pt 0 8pt; }",
         ".toc a { color: black; text-decoration: none; } .toc p { text-align: left; }",
         ".bib { padding-left: 1.25cm; text-indent: -1.25cm; text-align: left; margin-bottom: 6pt; }",
         "</style></head><body>"]
    sizes = {"title": 40, "ornament": 24, "subtitle": 28, "date": 24, "group": 22, "office": 20, "note": 18}
    o.append('<section class=cover>')
    for line in book.get("cover", {}).get("lines", []):
        top = "margin-top: 9cm;" if line["role"] == "group" else ""
        o.append('<p style="text-align:center;font-size:%dpt;%s">%s</p>' % (sizes[line["role"]], top, e(line["text"])))
    o.append('</section>')
    o.append('<h1 class=part style="break-before:auto">%s</h1>' % e(book["foreword"]["title"]))
    for p in book["foreword"]["paragraphs"]:
        o.append('<p class=indent>%s</p>' % e(p))
    # Chromium cannot number a contents page: the entries are links without page numbers.
    o.append('<h1 class=part>สารบัญ</h1><div class=toc>')
    anchors = []
    for k, part in enumerate(book["parts"]):
        anchors.append(("part-%d" % k, "ส่วนที่ %s %s" % (thai(part["number"]), part.get("toc_title", part["title"])), 1))
        for j, b in enumerate(part["blocks"]):
            if b.get("toc"):
                anchors.append(("part-%d-%d" % (k, j), b.get("toc_title", b["text"]), 2))
    for anchor, title, level in anchors:
        o.append('<p style="padding-left:%dcm"><a href="#%s">%s</a></p>' % (level - 1, anchor, e(title)))
    o.append('</div>')
    for k, part in enumerate(book["parts"]):
        o.append('<h1 class=part id="part-%d">ส่วนที่ %s<br>%s</h1>' % (k, thai(part["number"]), e(part["title"])))
        o.extend(html_blocks(part["blocks"], "part-%d" % k))
    if book.get("bibliography"):
        o.append('<h1 class=part>บรรณานุกรม</h1>')
        for entry in book["bibliography"]:
            o.append('<p class=bib>%s</p>' % e(entry))
    if book.get("appendix"):
        o.append('<h1 class=part>ภาคผนวก</h1>')
        for section in book["appendix"]:
            o.append('<h2 style="text-align:center">%s</h2>' % e(section["title"]))
            o.extend(html_blocks(section["blocks"], "appendix"))
    if book.get("back_cover"):
        o.append('<section class=cover style="break-before:page;padding-top:17cm">')
        for line in book["back_cover"]["lines"]:
            o.append('<p style="text-align:center;font-size:20pt;font-weight:bold">%s</p>' % e(line["text"]))
        o.append('</section>')
    o.append("</body></html>")
    return "\n".join(o) + "\n"


def html_blocks(blocks, prefix):
    e = html.escape
    o = []
    index = 0
    for b, event in zip_events(blocks):
        if event[0] == "heading":
            _, level, printed, _, _ = event
            o.append('<h%d id="%s-%d">%s</h%d>' % (level, prefix, b, e(printed), level))
        elif event[0] == "paragraph":
            o.append('<p%s>%s</p>' % (" class=indent" if event[2] else "", e(event[1])))
        elif event[0] == "item":
            _, depth, lab, text = event
            o.append('<div class=item style="margin-left:%.2fcm"><span class=label>%s</span><span>%s</span></div>' % (
                1.25 + depth, e(lab), e(text).replace("\n", "<br>")))
        elif event[0] == "caption":
            o.append('<p class=caption>%s</p>' % e(event[1]))
        elif event[0] == "box":
            o.append('<div class=box></div>')
        index += 1
    return o


def zip_events(blocks):
    for j, b in enumerate(blocks):
        for event in blocks_events([b]):
            yield j, event


def main():
    out = sys.argv[1]
    factors = [int(a) for a in sys.argv[2:]] or [1, 10]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(ROOT, "datasets", "operations-manual-2567.json"), encoding="utf-8") as f:
        data = json.load(f)
    for n in factors:
        book = repeated(data, n)
        with open(os.path.join(out, "manual-x%d.json" % n), "w", encoding="utf-8") as f:
            json.dump(book, f, ensure_ascii=False, indent=1)
        with open(os.path.join(out, "manual-x%d.typ" % n), "w", encoding="utf-8") as f:
            f.write(typst(book))
        with open(os.path.join(out, "manual-x%d.html" % n), "w", encoding="utf-8") as f:
            f.write(html_book(book))


if __name__ == "__main__":
    main()
