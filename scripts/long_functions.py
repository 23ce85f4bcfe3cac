#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Lists C++ function bodies longer than a limit (STYLE.md: functions <= ~60 lines), longest
# first: "LINES FILE:LINE first line of the body". A brace counter, not a parser: strings,
# character literals and // comments are skipped; a body is the outermost block whose header
# ends in ')' (or ') const', an initializer list, ...) and is not inside another body, so
# lambdas and nested blocks count toward their function. Macros that open braces or /* */
# comments holding braces can mislead it: a hint for review, not a check.
# Usage: scripts/long_functions.py [--limit N] [PATH...]   (default: 60; src import export)
import argparse
import os
import re

CONTROL = re.compile(r'^\s*(?:}\s*)?(?:else\b|if\b|for\b|while\b|switch\b|do\b|try\b|catch\b)')


def strip(line):
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])*'", "''", line)
    return line.split('//')[0]


def bodies(path):
    lines = open(path, errors='replace').read().split('\n')
    stack = []  # (line index, is_function)
    header = ''
    for i, raw in enumerate(lines):
        code = strip(raw)
        for ch in code:
            if ch == '{':
                inside_function = any(f for _, f in stack)
                h = header.strip()
                is_function = (not inside_function and ')' in h and not CONTROL.match(h)
                               and not re.match(r'^(namespace|struct|class|enum|union|extern)\b', h))
                stack.append((i, is_function))
                header = ''
            elif ch == '}':
                if stack:
                    start, is_function = stack.pop()
                    if is_function:
                        yield i - start + 1, start + 1, lines[start].strip()
                header = ''
            elif ch == ';':
                header = ''
            else:
                header += ch
        header += ' '


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--limit', type=int, default=60)
    ap.add_argument('paths', nargs='*', default=['src', 'import', 'export'])
    args = ap.parse_args()
    found = []
    for root in args.paths:
        files = [root] if os.path.isfile(root) else [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs]
        for p in files:
            if p.endswith(('.cpp', '.h')):
                found += [(n, p, ln, s) for n, ln, s in bodies(p) if n > args.limit]
    for n, p, ln, s in sorted(found, reverse=True):
        print(f'{n:4d} {p}:{ln} {s[:90]}')


if __name__ == '__main__':
    main()
