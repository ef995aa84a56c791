#!/usr/bin/env python3
"""Check that a manual dataset transcribes its source text completely.

Usage:
    check-manual-transcription.py [SOURCE.txt DATASET.json] [--verbose]

Without arguments, checks each sample manual against the text it was transcribed
from: datasets/operations-manual-2567.json against datasets/texts/002_27adca80231827ab.txt
and datasets/monitoring-manual.json against datasets/texts/001_620eb12ebf3d4c23.txt.

The source is the text extracted from the PDF. Its contents page (from the line
"สารบัญ" to the first "ส่วนที่ ๑" after it) is left out, because the engine
regenerates it, and so are lines holding nothing but a page number or white
space, and the "[image: ]" a lost picture leaves. Every other line is cut into pieces at inline list numbers ("... ๒) ...")
and inline dash points ("... - ..."); a leading "- " (a list paragraph of the
extraction, not printed) is dropped.

The dataset is rendered the way the booklet prints it: "ส่วนที่ ๑" and the part
title, headings with their numbers, list items with the numbers the template
gives them (start, prefix, style, or the item's label), paragraphs, figure and
structure-chart captions, cover lines, bibliography, and each flowchart's title and the words
in its boxes (a step's text, and its details: the step's full wording). A piece is covered when
it appears, white space ignored and digits read alike (a source's 1 is the booklet's ๑), inside
one rendered line; "joined" when it only appears across
consecutive rendered lines (the dataset split a source line); "corrected" when
it appears once the dataset's corrections are undone. Printed numbers are thus
checked too: a piece "๕) ระเบียบ..." needs an item rendered as ๕), or a list whose
corrected start (where: <list path>.start, source "๕)", corrected "๑)") is undone.

In reverse, every rendered line and every contents-page wording (toc_title) must
occur in the source, so nothing is added; a flowchart box may hold a short wording of
its step when the step's details occur in the source. A text the source does not have
at all (a cover the extraction lost, a chart's caption) is listed in the dataset's
"additions" with its path, its text and why; the check holds each addition to the
value at its path. Prints the coverage; exit status 1
when a piece is missing or a dataset text is not in the source.
"""

import json
import re
import sys
from pathlib import Path

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAIRS = [
    (REPO / "datasets/texts/002_27adca80231827ab.txt", REPO / "datasets/operations-manual-2567.json"),
    (REPO / "datasets/texts/001_620eb12ebf3d4c23.txt", REPO / "datasets/monitoring-manual.json"),
]

TOC_START = "สารบัญ"
BODY_START = "ส่วนที่ ๑"
PAGE_DEBRIS = re.compile(r"^[\s\-–—]*[๐-๙0-9]*[\s\-–—]*$")
# Where the extraction lost a picture it leaves "[image: ]"; the booklet draws the chart there.
LOST_PICTURE = re.compile(r"^\s*\[image:[^\]]*\]\s*$")
# An inline list number "๒)" or "๓.๑)" after white space starts a new piece; so does
# an inline dash point " - " before a word (not a range such as "๒๕๖๑ - ๒๕๘๐").
INLINE_BREAK = re.compile(r"\s+(?=[๐-๙]+(?:\.[๐-๙]+)*\)\s)|\s+(?=-\s+[^\s๐-๙0-9])")
LIST_PARAGRAPH = re.compile(r"^\s*-\s+(?=[๐-๙]+(?:\.[๐-๙]+)*[.)]?\s)")
DASH_POINT = re.compile(r"^\s*-\s+")
WHITE = re.compile(r"\s+")
ARABIC_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def thai_number(n):
    return "".join(THAI_DIGITS[int(d)] for d in str(n))


def squeeze(text):
    """The text compared: without white space, its digits Thai."""
    return WHITE.sub("", text).translate(ARABIC_TO_THAI)


# ---------------------------------------------------------------- source side


class Piece:
    def __init__(self, line_no, text):
        self.line_no = line_no
        self.text = text
        # a dash point prints its dash as the list marker, which rendering leaves out
        self.key = squeeze(DASH_POINT.sub("", text))


def read_source(path):
    """Return (pieces of the body, number of excluded lines, all source text squeezed)."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    try:
        toc_from = lines.index(TOC_START)
        toc_to = lines.index(BODY_START, toc_from + 1)
    except ValueError:
        toc_from = toc_to = -1
    pieces = []
    excluded = {"contents page": 0, "page debris": 0, "lost picture": 0}
    for number, line in enumerate(lines, start=1):
        if toc_from <= number - 1 < toc_to:
            if line.strip():
                excluded["contents page"] += 1
            continue
        if LOST_PICTURE.match(line):
            excluded["lost picture"] += 1
            continue
        if PAGE_DEBRIS.match(line):
            if line:
                excluded["page debris"] += 1
            continue
        line = LIST_PARAGRAPH.sub("", line)
        for part in INLINE_BREAK.split(line):
            if part.strip():
                pieces.append(Piece(number, part.strip()))
    whole = squeeze("\n".join(LIST_PARAGRAPH.sub("", line) for line in lines))
    return pieces, excluded, whole


# ---------------------------------------------------------------- dataset side


def item_marker(style, index, start, prefix, item):
    if "label" in item:
        return item["label"]
    n = thai_number(start + index)
    return {
        "decimal-dot": n + ".",
        "decimal-paren": n + ")",
        "nested": (prefix or "") + n,
        "nested-paren": (prefix or "") + n + ")",
        "dash": "-",
        "bullet": "•",
    }[style]


class Renderer:
    """The dataset's printed lines in reading order, each with the JSON path of its text."""

    def __init__(self, corrections, undo):
        self.lines = []  # (path, printed line)
        self.short_wordings = {}  # path of a flowchart box's text -> path of its step's details
        self.corrections = corrections if undo else []

    def text(self, path, value):
        for c in self.corrections:
            if c["where"] == path and c["corrected"] in value:
                value = value.replace(c["corrected"], c["source"])
        return value

    def start(self, path, value):
        """A list's first number; a correction of it names the first marker as printed (๕) -> ๑))."""
        for c in self.corrections:
            if c["where"] == path and c["corrected"].rstrip(".)") == thai_number(value):
                return int(c["source"].rstrip(".)").translate(str.maketrans(THAI_DIGITS, "0123456789")))
        return value

    def emit(self, path, marker, value):
        value = self.text(path, value)
        self.lines.append((path, f"{marker} {value}" if marker and marker not in "-•" else value))

    def items(self, path, items, style, start, prefix):
        for k, item in enumerate(items):
            item_path = f"{path}[{k}]"
            marker = item_marker(style, k, start, prefix, item)
            self.emit(item_path + ".text", marker, item["text"])
            if "items" in item:
                self.items(item_path + ".items", item["items"], item.get("style", "decimal-paren"),
                           item.get("start", 1), item.get("prefix"))

    def blocks(self, path, blocks):
        for b, block in enumerate(blocks):
            p = f"{path}[{b}]"
            kind = block["type"]
            if kind in ("heading", "paragraph", "note"):
                self.emit(p + ".text", block.get("number"), block["text"])
            elif kind in ("list", "steps"):
                if "title" in block:
                    self.emit(p + ".title", None, block["title"])
                self.items(p + ".items", block["items"], block.get("style", "decimal-paren"),
                           self.start(p + ".start", block.get("start", 1)), block.get("prefix"))
            elif kind == "table":
                for c, column in enumerate(block["columns"]):
                    if column["title"]:
                        self.emit(f"{p}.columns[{c}].title", None, column["title"])
                for r, row in enumerate(block["rows"]):
                    for c, cell in enumerate(row):
                        cp = f"{p}.rows[{r}][{c}]"
                        if isinstance(cell, str):
                            if cell:
                                self.emit(cp, None, cell)
                        elif "paragraphs" in cell:
                            for k, para in enumerate(cell["paragraphs"]):
                                self.emit(f"{cp}.paragraphs[{k}]", None, para)
                        elif cell.get("text"):
                            self.emit(cp + ".text", None, cell["text"])
            elif kind in ("figure", "org-chart"):
                for k, line in enumerate(block.get("caption", [])):
                    self.emit(f"{p}.caption[{k}]", None, line)
            elif kind == "flowchart":
                if "title" in block:
                    self.emit(p + ".title", None, block["title"])
                if "part" in block:
                    self.emit(p + ".part", None, block["part"])
                for k, step in enumerate(block["steps"]):
                    if step["kind"] in ("start", "end", "connector"):
                        continue  # เริ่มต้น, สิ้นสุด and connector letters are the chart's, not the text's
                    sp = f"{p}.steps[{k}]"
                    self.emit(sp + ".text", None, step["text"])
                    if "details" in step:
                        self.emit(sp + ".details", None, step["details"])
                        self.short_wordings[sp + ".text"] = sp + ".details"

    def dataset(self, data):
        for k, line in enumerate(data.get("cover", {}).get("lines", [])):
            self.emit(f"cover.lines[{k}].text", None, line["text"])
        foreword = data.get("foreword")
        if foreword:
            self.emit("foreword.title", None, foreword["title"])
            for k, para in enumerate(foreword["paragraphs"]):
                self.emit(f"foreword.paragraphs[{k}]", None, para)
            if "signature" in foreword:
                self.emit("foreword.signature", None, foreword["signature"])
        for k, part in enumerate(data["parts"]):
            self.emit(f"parts[{k}].number", None, "ส่วนที่ " + thai_number(part["number"]))
            self.emit(f"parts[{k}].title", None, part["title"])
            self.blocks(f"parts[{k}].blocks", part["blocks"])
        if data.get("bibliography"):
            self.emit("bibliography", None, "บรรณานุกรม")
            for k, entry in enumerate(data["bibliography"]):
                self.emit(f"bibliography[{k}]", None, entry)
        if data.get("appendix"):
            self.emit("appendix", None, "ภาคผนวก")
            for k, section in enumerate(data["appendix"]):
                self.emit(f"appendix[{k}].title", None, section["title"])
                self.blocks(f"appendix[{k}].blocks", section["blocks"])
        for k, line in enumerate(data.get("back_cover", {}).get("lines", [])):
            self.emit(f"back_cover.lines[{k}].text", None, line["text"])
        return self.lines


def toc_wordings(data):
    """(path, text) of every contents-page wording that differs from the printed title."""
    out = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, sub in value.items():
                if key == "toc_title":
                    out.append((f"{path}.{key}", sub))
                else:
                    walk(sub, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for k, sub in enumerate(value):
                walk(sub, f"{path}[{k}]")

    walk(data, "")
    return out


# ---------------------------------------------------------------- comparison


def check(source_path, dataset_path, verbose):
    pieces, excluded, source_whole = read_source(source_path)
    data = json.loads(Path(dataset_path).read_text(encoding="utf-8"))
    corrections = data.get("corrections", [])
    renderer = Renderer(corrections, undo=False)
    printed = renderer.dataset(data)
    undone = Renderer(corrections, undo=True).dataset(data)
    additions = {a["where"]: a["text"] for a in data.get("additions", [])}

    def index(lines):
        squeezed = [squeeze(text) for _, text in lines]
        return squeezed, "".join(squeezed)

    lines_plain, stream_plain = index(printed)
    lines_undone, stream_undone = index(undone)

    covered, joined, corrected, missing = [], [], [], []
    for piece in pieces:
        if any(piece.key in line for line in lines_plain):
            covered.append(piece)
        elif any(piece.key in line for line in lines_undone):
            corrected.append(piece)
        elif piece.key in stream_plain or piece.key in stream_undone:
            joined.append(piece)
        else:
            missing.append(piece)

    def in_source(text, text_undone):
        return squeeze(text) in source_whole or squeeze(text_undone) in source_whole

    added, declared, short = [], [], []
    found_in_source = {path: in_source(text, text_undone) for (path, text), (_, text_undone) in zip(printed, undone)}
    values = dict(printed)
    for (path, text), (_, text_undone) in zip(printed, undone):
        if path in additions:
            declared.append(path)
        elif found_in_source[path]:
            continue
        elif found_in_source.get(renderer.short_wordings.get(path), False):
            short.append(path)  # a box's short wording of a step whose full wording is the source's
        else:
            added.append((path, text))
    for path, text in toc_wordings(data):
        if squeeze(text) not in source_whole and path not in additions:
            added.append((path, text))
    stale = [(path, text) for path, text in additions.items()
             if path not in values and path not in dict(toc_wordings(data))
             or path in values and squeeze(values[path]) != squeeze(text)]

    total = len(pieces)
    found = total - len(missing)
    chars_total = sum(len(p.key) for p in pieces)
    chars_found = chars_total - sum(len(p.key) for p in missing)
    print(f"source: {source_path}")
    print(f"dataset: {dataset_path}")
    print(f"excluded source lines: {excluded['contents page']} contents page, "
          f"{excluded['page debris']} page debris, {excluded['lost picture']} lost picture")
    print(f"source pieces: {total}; in one dataset line: {len(covered)}; "
          f"after undoing corrections: {len(corrected)}; across lines: {len(joined)}; missing: {len(missing)}")
    print(f"coverage: {found}/{total} pieces = {100.0 * found / max(total, 1):.2f}%, "
          f"{chars_found}/{chars_total} characters = {100.0 * chars_found / max(chars_total, 1):.2f}%")
    print(f"dataset lines: {len(printed)}; not in the source: {len(added)}; corrections listed: {len(corrections)}; "
          f"additions listed: {len(additions)} ({len(declared)} printed); "
          f"flowchart boxes in a short wording of their step: {len(short)}")
    for piece in missing:
        print(f"MISSING line {piece.line_no}: {piece.text}")
    for path, text in added:
        print(f"NOT IN SOURCE {path}: {text}")
    for path, text in stale:
        print(f"ADDITION NOT AT ITS PATH {path}: {text}")
    if verbose:
        for piece in joined:
            print(f"across lines, line {piece.line_no}: {piece.text}")
        for piece in corrected:
            print(f"corrected, line {piece.line_no}: {piece.text}")
    return not missing and not added and not stale


def main(argv):
    verbose = "--verbose" in argv
    args = [a for a in argv if a != "--verbose"]
    if len(args) == 0:
        pairs = DEFAULT_PAIRS
    elif len(args) == 2:
        pairs = [(Path(args[0]), Path(args[1]))]
    else:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    ok = True
    for source, dataset in pairs:
        ok = check(source, dataset, verbose) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
