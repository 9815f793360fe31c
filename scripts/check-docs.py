#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The documentation stands on its own: every relative link and every
repository path named in backticks exists.

usage: check-docs.py [FILE.md ...]   (default: README.md, */README.md, docs/*.md)

A path is a backticked word that starts with one of the repository's top-level
folders (rtl/, tb/, sw/, tests/, ...); paths of generated files (under build/)
and patterns (with *, <, >, {, $) are not checked. Prints each dangling
reference as FILE:LINE: and exits 1 if there is any.
"""
import glob
import os
import re
import sys

ROOTS = ("rtl", "tb", "sw", "tests", "scripts", "docs", "fpga", "spec", "formal", ".ci")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
PATH = re.compile(r"`((?:%s)/[A-Za-z0-9_./-]*)`" % "|".join(re.escape(r) for r in ROOTS))


def check(md):
    bad = []
    with open(md, encoding="utf-8") as f:
        lines = f.read().splitlines()
    base = os.path.dirname(md)
    for n, line in enumerate(lines, 1):
        for m in LINK.finditer(line):
            target = m.group(1)
            if re.match(r"[a-z][a-z0-9+.-]*:", target):
                continue
            if not os.path.exists(os.path.normpath(os.path.join(base, target))):
                bad.append(f"{md}:{n}: link to a missing file: {target}")
        for m in PATH.finditer(line):
            p = m.group(1).rstrip(".")
            if any(c in p for c in "*<>{}$"):
                continue
            if not os.path.exists(p) and not glob.glob(p + "*"):
                bad.append(f"{md}:{n}: names a missing path: {p}")
    return bad


def main(argv):
    files = argv[1:] or (["README.md"] + sorted(glob.glob("*/README.md")) +
                         sorted(glob.glob("docs/*.md")))
    bad = []
    for md in files:
        if not os.path.isfile(md):
            sys.exit(f"check-docs: {md}: no such file")
        bad += check(md)
    for b in bad:
        print(b)
    if bad:
        sys.exit(1)
    print(f"lint: docs: every link and named path exists ({len(files)} files)")


if __name__ == "__main__":
    main(sys.argv)
