#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the fictional MECC example project in this folder for internal consistency.

Run from anywhere: python3 examples/mecc/check_example.py
Exit status 0 when every check passes, 1 otherwise (each problem printed on stderr).
"""
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMB = {"C.Ph", "C.Ps", "O.Ph", "O.So", "M.Re", "M.Au"}
LEVELS = {"macro", "organisational", "individual:trainer", "individual:agent"}
VALENCES = {"barrier", "facilitator", "mixed"}
problems = []


def problem(msg):
    problems.append(msg)


def read_tsv(name, header):
    lines = (HERE / name).read_text(encoding="utf-8").split("\n")
    if lines[-1] != "":
        problem(f"{name}: no final newline")
    lines = lines[:-1]
    if lines[0].split("\t") != header:
        problem(f"{name}: header is {lines[0]!r}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            problem(f"{name}:{n}: {len(cells)} cells, expected {len(header)}")
            continue
        if any(c.startswith('"') for c in cells):
            problem(f"{name}:{n}: a cell starts with a double quote (ambiguous for CSV-style TSV readers)")
        rows.append(cells)
    return rows


# transcripts
texts = {}
for path in sorted(HERE.glob("P0*.txt")):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    if b"\r" in raw:
        problem(f"{path.name}: contains CR")
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(f"{path.name}: has a BOM")
    words = len(text.split())
    if not 2000 <= words <= 4000:
        problem(f"{path.name}: {words} words")
    number = int(path.name[1:3])
    paragraphs = text.rstrip("\n").split("\n\n")
    if "\n\n\n" in text or not text.endswith("\n") or text.endswith("\n\n"):
        problem(f"{path.name}: paragraphs must be separated by exactly one blank line")
    if not paragraphs[0].startswith(f"Interview P{number:02d}"):
        problem(f"{path.name}: first paragraph is not the header")
    for para in paragraphs[1:]:
        if "\n" in para or not re.match(rf"(Interviewer|P{number}): \S", para):
            problem(f"{path.name}: bad turn {para[:40]!r}")
    texts[path.stem] = text
    print(f"{path.name}: {words} words, {len(paragraphs) - 1} turns")
if len(texts) != 9:
    problem(f"expected 9 transcripts, found {len(texts)}")

# attributes
with open(HERE / "attributes.csv", encoding="utf-8", newline="") as f:
    attrs = list(csv.DictReader(f))
cases = [a["case"] for a in attrs]
if cases != [f"P{n}" for n in range(1, 10)]:
    problem(f"attributes.csv: cases are {cases}")
groups = {"commissioner", "public health", "training", "trainer", "agent"}
for a in attrs:
    if a["stakeholder_group"] not in groups:
        problem(f"attributes.csv: {a['case']}: stakeholder_group {a['stakeholder_group']!r}")

# codings
codings = read_tsv("codings.tsv", ["document", "code", "quote"])
docs_per_code = defaultdict(set)
for doc, code, quote in codings:
    if doc not in texts:
        problem(f"codings.tsv: unknown document {doc}")
        continue
    n = texts[doc].count(quote)
    if n != 1:
        problem(f"codings.tsv: {doc}: quote occurs {n} times: {quote[:60]!r}")
    if code.count("/") != 1:
        problem(f"codings.tsv: code {code!r} is not Parent/Child")
    docs_per_code[code].add(doc)
for doc in texts:
    if not any(c[0] == doc for c in codings):
        problem(f"codings.tsv: {doc} is not coded")

# tags
tags = read_tsv("tags.tsv", ["code", "comb", "level", "valence"])
tagged = set()
for code, comb, level, valence in tags:
    tagged.add(code)
    parts = comb.split(",")
    if not parts or not set(parts) <= COMB:
        problem(f"tags.tsv: {code}: COM-B {comb!r}")
    if level not in LEVELS:
        problem(f"tags.tsv: {code}: level {level!r}")
    if valence not in VALENCES:
        problem(f"tags.tsv: {code}: valence {valence!r}")
    if code not in docs_per_code:
        problem(f"tags.tsv: {code} is not used in codings.tsv")

# themes
themes = read_tsv("themes.tsv", ["theme", "parent", "description", "codes"])
names = {t[0] for t in themes}
in_theme = set()
for name, parent, description, codes in themes:
    if parent and parent not in names:
        problem(f"themes.tsv: {name}: unknown parent {parent!r}")
    for code in filter(None, codes.split("|")):
        in_theme.add(code)
        if code not in docs_per_code:
            problem(f"themes.tsv: {name}: code {code!r} is not used in codings.tsv")

for code in sorted(docs_per_code):
    if code not in tagged:
        problem(f"{code}: no row in tags.tsv")
    if code not in in_theme:
        problem(f"{code}: in no theme")

print(f"codings.tsv: {len(codings)} rows, {len(docs_per_code)} codes; "
      f"tags.tsv: {len(tags)} rows; themes.tsv: {len(themes)} rows")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
