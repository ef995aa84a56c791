#!/usr/bin/env python3
"""Check that a work-standards dataset transcribes its source text completely.

Usage:
    check-work-standards-transcription.py [SOURCE.txt DATASET.json]...

Without arguments, checks the repository's two work-standards datasets against
the texts they were transcribed from.

The source is the text extracted from the PDF: a cover (group, director,
office, a list of duties), then per topic a heading "มาตรฐานการปฏิบัติงาน /
เรื่อง ..." and a table of tab-separated rows (ที่, กิจกรรม/วิธีปฏิบัติ,
มาตรฐานการปฏิบัติงาน) whose cells carry <p>/<ul> markup. The script splits
every cell into its paragraphs, numbered items and dash points, independently
of how the dataset arranged them, and requires each piece to appear verbatim
in the same topic and column of the dataset, with the same printed number.
Differences are allowed only where the dataset's "corrections" list them: a
text correction names the string's path, a number correction the printed
number's place (topics[t].rows[r].no for a row, <item path>.label for an item;
source and corrected are then the numbers as printed), and a text moved
unchanged to another row of its column names the source cell in "moved_from".
It also requires every string of the dataset to come from the source, so
nothing is added. It prints the coverage and exits 1 on any discrepancy.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
HEADING = "มาตรฐานการปฏิบัติงาน"
HEADER_ROW = "ที่\tกิจกรรม/วิธีปฏิบัติ\tมาตรฐานการปฏิบัติงาน"
PAGE_BREAK_ROW = "--\t--\t--"
NUMBER = r"[๑-๙][๐-๙]*(?:\.[๐-๙]+)*"
ITEM_START = re.compile(r"^(" + NUMBER + r"(?:[.)]|(?=\s)))\s+(.*)$", re.S)
# An inline item or dash point starts after white space: "... ๒. text", "... - text".
INLINE_BREAK = re.compile(r"\s+(?=" + NUMBER + r"[.)]\s)|\s+(?=-\s)")
ROW_NUMBER = re.compile(r"^[๑-๙][๐-๙]*\.?$")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAIRS = [
    ("datasets/texts/000_68abdbe2bebb4b86.txt", "datasets/work-standards-policy-planning.json"),
    ("datasets/texts/003_9155f36d20f61b87.txt", "datasets/work-standards-administration.json"),
]


def thai_number(n):
    return "".join(THAI_DIGITS[int(d)] for d in str(n))


def thai_chars(text):
    return sum(1 for ch in text if "\u0e00" <= ch <= "\u0e7f")


class Piece:
    """One paragraph, numbered item or dash point, with its printed marker."""

    def __init__(self, marker, text, where, marker_where=None):
        self.marker = marker  # None for a paragraph, "-" for a dash point, else the number
        self.text = text
        self.where = where
        self.marker_where = marker_where  # the place a correction of the dataset's number names

    def __repr__(self):
        return f"{self.where}: {self.marker or ''} {self.text}"


# ---------------------------------------------------------------- source side


def split_cell(cell, where):
    """Split one table cell into pieces, in reading order."""
    cell = re.sub(r"<ul[^>]*>", "</p><p>", cell)
    cell = cell.replace("</ul>", "</p><p>")
    pieces = []
    for paragraph in re.split(r"</?p>", cell):
        for part in INLINE_BREAK.split(paragraph):
            part = part.strip()
            if not part:
                continue
            if part.startswith("- "):
                pieces.append(Piece("-", part[2:].strip(), where))
                continue
            m = ITEM_START.match(part)
            # "๑." "๑)" "๑.๑" number an item; a bare "๑๐" opens ordinary text.
            if m and (m.group(1).endswith((".", ")")) or "." in m.group(1)):
                pieces.append(Piece(m.group(1), m.group(2).strip(), where))
            else:
                pieces.append(Piece(None, part, where))
    # The split must keep every character of the cell but markup and spacing.
    def squeeze(s):
        return re.sub(r"\s+", "", s)

    kept = "".join((p.marker or "") + p.text for p in pieces)
    if squeeze(kept) != squeeze(re.sub(r"<[^>]*>", "", cell)):
        raise SystemExit(f"{where}: cell split lost text")
    return pieces


def join_heading(lines):
    title = lines[0]
    if title.startswith("เรื่อง "):
        title = title[len("เรื่อง ") :]
    for line in lines[1:]:
        # A Thai line continues the word run; a Latin or bracketed line is a new phrase.
        title += ("" if re.match(r"[\u0e00-\u0e7f]", line) else " ") + line
    return title


def add_row(topic, line, where):
    number, activity, standard = line.split("\t")
    acts = split_cell(activity, where)
    standards = split_cell(standard, where)
    topic["rows"].append({"activity": acts, "standard": standards})
    if number and not ROW_NUMBER.match(number):
        # A sub-row (๓.๑): its number belongs to its activity step.
        if len(acts) != 1 or acts[0].marker is not None:
            raise SystemExit(f"{where}: sub-row {number} with a structured activity")
        acts[0].marker = number
    elif number:
        topic["numbers"].append(number)
    topic["activity"] += acts
    topic["standard"] += standards


def add_cover_line(cover, line, where):
    if "❖" in line or "☞" in line:
        cover["duties"].append(Piece(None, re.sub(r"^[-\s]*[❖☞]\s*", "", line), where))
    elif line.startswith("ชื่อ "):
        cover["director.name"].append(Piece(None, line[len("ชื่อ ") :], where))
    elif line.startswith("ตำแหน่ง "):
        cover["director.position"].append(Piece(None, line[len("ตำแหน่ง ") :], where))
    elif line.startswith("สำนักงาน"):
        cover["office"].append(Piece(None, line, where))
    else:
        prefix = HEADING + " "
        cover["group"].append(Piece(None, line[len(prefix) :] if line.startswith(prefix) else line, where))


def read_source(path):
    """Return (cover pieces by field, topics); a topic holds its title, row numbers and pieces."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    cover = {"group": [], "director.name": [], "director.position": [], "office": [], "duties": []}
    topics = []
    topic = None
    heading = None  # lines of a topic heading being read, until its header row
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        where = f"{path}: line {number}"
        if line == HEADING:
            heading = []
        elif heading is not None:
            if raw != HEADER_ROW:
                if line:
                    heading.append(line)
                continue
            title = join_heading(heading)
            heading = None
            # A heading repeated on the next page continues the same topic.
            if topic is None or topic["title"] != title:
                topic = {"title": title, "numbers": [], "activity": [], "standard": [], "rows": []}
                topics.append(topic)
        elif not line or raw in (HEADER_ROW, PAGE_BREAK_ROW):
            continue
        elif "\t" in raw:
            if topic is None:
                raise SystemExit(f"{where}: table row before any topic heading")
            add_row(topic, raw, where)
        elif topic is None:
            add_cover_line(cover, line, where)
        else:
            raise SystemExit(f"{where}: unexpected text between tables: {line}")
    return cover, topics


# ---------------------------------------------------------------- dataset side


def item_pieces(items, path, parent_number, out):
    for index, item in enumerate(items):
        number = thai_number(index + 1)
        default = number + "." if parent_number is None else parent_number + "." + number
        marker = item.get("label", default)
        item_path = f"{path}[{index}]"
        out.append(Piece(marker, item["text"], item_path + ".text", item_path + ".label"))
        for b, bullet in enumerate(item.get("bullets", [])):
            out.append(Piece("-", bullet, f"{item_path}.bullets[{b}]"))
        own_number = marker.rstrip(".)")
        item_pieces(item.get("items", []), item_path + ".items", own_number, out)


def cell_pieces(cell, path):
    out = []
    if "text" in cell:
        out.append(Piece(None, cell["text"], path + ".text"))
    for b, bullet in enumerate(cell.get("bullets", [])):
        out.append(Piece("-", bullet, f"{path}.bullets[{b}]"))
    item_pieces(cell.get("items", []), path + ".items", None, out)
    if "note" in cell:
        out.append(Piece(None, cell["note"], path + ".note"))
    return out


def dataset_groups(data):
    """Pieces of the dataset grouped like the source: cover fields, then (topic, column)."""
    groups = {
        "group": [Piece(None, data["group"], "group")],
        "director.name": [Piece(None, data["director"]["name"], "director.name")],
        "director.position": [Piece(None, data["director"]["position"], "director.position")],
        "office": [Piece(None, data["office"], "office")],
        "duties": [Piece(None, d, f"duties[{k}]") for k, d in enumerate(data["duties"])],
    }
    for t, topic in enumerate(data["topics"]):
        for column in ("activity", "standard"):
            pieces = []
            for r, row in enumerate(topic["rows"]):
                if column in row:
                    pieces += cell_pieces(row[column], f"topics[{t}].rows[{r}].{column}")
            groups[(t, column)] = pieces
    return groups


def group_of(where):
    m = re.match(r"topics\[(\d+)\]\.rows\[\d+\]\.no$", where)
    if m:
        return ("numbers", int(m.group(1)))
    m = re.match(r"topics\[(\d+)\]\.rows\[\d+\]\.(activity|standard)\.", where)
    if m:
        return (int(m.group(1)), m.group(2))
    m = re.match(r"(group|office|director\.name|director\.position|duties)\b", where)
    if m:
        return m.group(1)
    m = re.match(r"topics\[(\d+)\]\.title$", where)
    if m:
        return ("title", int(m.group(1)))
    raise ValueError(f"correction at unknown place {where}")


def source_number(printed, corrections):
    """The number the source prints where the dataset prints printed, undoing a number correction."""
    for c in corrections:
        if c["corrected"] == printed:
            return c["source"]
    return printed


def source_forms(text, corrections):
    """Every text the source may have had, undoing each correction at one of its places."""
    forms = {text}
    for c in corrections:
        if "moved_from" in c:
            continue  # the text itself is unchanged
        following = set()
        for form in forms:
            starts = [m.start() for m in re.finditer(re.escape(c["corrected"]), form)]
            for s in starts:
                following.add(form[:s] + c["source"] + form[s + len(c["corrected"]) :])
        forms = following
    return forms


# ---------------------------------------------------------------- comparison


class Report:
    def __init__(self):
        self.problems = []
        self.segments = 0
        self.matched = 0
        self.chars = 0
        self.matched_chars = 0

    def problem(self, message):
        self.problems.append(message)


def match_group(label, source_pieces, dataset_pieces, corrections_at, report):
    """Pair each source piece with a dataset piece of the same text (after corrections)."""
    forms = [source_forms(p.text, corrections_at.get(p.where, [])) for p in dataset_pieces]

    def dataset_marker(d):
        """The number the source prints for d, once a listed number correction is undone."""
        return source_number(d.marker, corrections_at.get(d.marker_where, []))
    used = [False] * len(dataset_pieces)
    matched = 0
    for piece in source_pieces:
        report.segments += 1
        report.chars += thai_chars(piece.text)
        candidates = [k for k, d in enumerate(dataset_pieces) if not used[k] and piece.text in forms[k]]
        same_marker = [k for k in candidates if dataset_marker(dataset_pieces[k]) == piece.marker]
        chosen = (same_marker or candidates or [None])[0]
        if chosen is None:
            report.problem(f"{label}: missing from the dataset: {piece}")
            continue
        used[chosen] = True
        if dataset_marker(dataset_pieces[chosen]) != piece.marker:
            report.problem(
                f"{label}: {dataset_pieces[chosen].where} is numbered "
                f"{dataset_pieces[chosen].marker!r}, the source prints {piece.marker!r} ({piece.where})"
            )
            continue
        matched += 1
        report.matched += 1
        report.matched_chars += thai_chars(piece.text)
    for k, d in enumerate(dataset_pieces):
        if not used[k]:
            report.problem(f"{label}: not in the source: {d.where}: {d.text}")
    return matched


def printed_row_number(row):
    return row.get("no_label", thai_number(row["no"]))


def check_move(n, c, topics, report):
    """A moved text must stand in the source cell moved_from names, and in the same column as where."""
    m = re.match(r"topics\[(\d+)\]\.rows\[(\d+)\]\.(activity|standard)$", c["moved_from"])
    to = re.match(r"topics\[(\d+)\]\.rows\[\d+\]\.(activity|standard)\.", c["where"])
    if not m or not to or (int(m.group(1)), m.group(3)) != (int(to.group(1)), to.group(2)):
        report.problem(f"corrections[{n}]: moved_from {c['moved_from']!r} is not a cell of the column of {c['where']}")
        return
    t, r, column = int(m.group(1)), int(m.group(2)), m.group(3)
    rows = topics[t]["rows"] if t < len(topics) else []
    if r >= len(rows) or c["source"] not in [p.text for p in rows[r][column]]:
        report.problem(f"corrections[{n}]: the source's {c['moved_from']} does not hold {c['source']!r}")


def check_pair(source_path, dataset_path):
    report = Report()
    cover, topics = read_source(source_path)
    data = json.loads(Path(dataset_path).read_text(encoding="utf-8"))
    groups = dataset_groups(data)

    corrections_at = {}
    for n, c in enumerate(data.get("corrections", [])):
        corrections_at.setdefault(c["where"], []).append(c)
        try:
            group_of(c["where"])
        except ValueError as error:
            report.problem(f"corrections[{n}]: {error}")
    texts = {p.where: p.text for pieces in groups.values() for p in pieces}
    texts |= {f"topics[{t}].title": topic["title"] for t, topic in enumerate(data["topics"])}
    numbers = {p.marker_where: p.marker for pieces in groups.values() for p in pieces if p.marker_where}
    for t, topic in enumerate(data["topics"]):
        for r, row in enumerate(topic["rows"]):
            numbers[f"topics[{t}].rows[{r}].no"] = printed_row_number(row)
    for n, c in enumerate(data.get("corrections", [])):
        here = texts.get(c["where"], numbers.get(c["where"]))
        if here is None:
            report.problem(f"corrections[{n}]: no such text or number in the dataset: {c['where']}")
        elif c["where"] in numbers and here != c["corrected"]:
            report.problem(f"corrections[{n}]: {c['where']} prints {here!r}, not {c['corrected']!r}")
        elif c["where"] in texts and c["corrected"] not in here:
            report.problem(f"corrections[{n}]: {c['where']} does not hold {c['corrected']!r}")

    print(f"{source_path} -> {dataset_path}")
    for field in ("group", "director.name", "director.position", "office", "duties"):
        got = match_group(field, cover[field], groups[field], corrections_at, report)
        print(f"  {field}: {got}/{len(cover[field])}")

    if len(topics) != len(data["topics"]):
        report.problem(f"the source has {len(topics)} topics, the dataset {len(data['topics'])}")
    for t, (src, topic) in enumerate(zip(topics, data["topics"])):
        label = f"topics[{t}]"
        report.segments += 1
        report.chars += thai_chars(src["title"])
        title_forms = source_forms(topic["title"], corrections_at.get(f"{label}.title", []))
        if src["title"] in title_forms:
            report.matched += 1
            report.matched_chars += thai_chars(src["title"])
        else:
            report.problem(f"{label}.title: {topic['title']!r}, the source has {src['title']!r}")
        printed = [
            source_number(printed_row_number(row), corrections_at.get(f"{label}.rows[{r}].no", []))
            for r, row in enumerate(topic["rows"])
        ]
        report.segments += len(src["numbers"])
        if printed == src["numbers"]:
            report.matched += len(src["numbers"])
        else:
            report.problem(f"{label}: row numbers {printed}, the source prints {src['numbers']}")
        counts = []
        for column in ("activity", "standard"):
            got = match_group(f"{label}.{column}", src[column], groups[(t, column)], corrections_at, report)
            counts.append(f"{column} {got}/{len(src[column])}")
        print(f"  topic {t + 1} ({len(topic['rows'])} rows): {', '.join(counts)}  {topic['title'][:60]}")

    # Every correction must change something the source really has.
    source_text = Path(source_path).read_text(encoding="utf-8")
    for n, c in enumerate(data.get("corrections", [])):
        if c["source"] not in source_text:
            report.problem(f"corrections[{n}]: the source does not contain {c['source']!r}")
        if "moved_from" in c:
            check_move(n, c, topics, report)
        elif c["source"] == c["corrected"]:
            report.problem(f"corrections[{n}]: corrects nothing")

    share = 100.0 * report.matched / report.segments if report.segments else 0.0
    print(
        f"  coverage: {report.matched}/{report.segments} source segments ({share:.1f}%), "
        f"{report.matched_chars}/{report.chars} Thai characters, "
        f"{len(data.get('corrections', []))} corrections"
    )
    for message in report.problems:
        print(f"  PROBLEM {message}")
    return report


def main(argv):
    args = argv[1:]
    if len(args) % 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    pairs = list(zip(args[0::2], args[1::2])) or [(str(REPO / s), str(REPO / d)) for s, d in DEFAULT_PAIRS]
    total = Counter()
    failed = False
    for source_path, dataset_path in pairs:
        report = check_pair(source_path, dataset_path)
        total["matched"] += report.matched
        total["segments"] += report.segments
        failed |= bool(report.problems)
    share = 100.0 * total["matched"] / total["segments"] if total["segments"] else 0.0
    print(f"total coverage: {total['matched']}/{total['segments']} ({share:.1f}%)" + ("  FAILED" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
