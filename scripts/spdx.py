#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The SPDX licence line in every source file of the repository.

usage: spdx.py --check   list files without an SPDX-License-Identifier line
                         in their first lines; exit 1 if there are any
       spdx.py --fix     add the line (after a #! line, in the file's comment
                         syntax) where it is missing

Source files are the git-tracked files whose kind is below (by extension or
name); documentation (.md), pictures and data files are not sources.
"""
import os
import subprocess
import sys

LICENSE = "Apache-2.0"
TAG = "SPDX-License-Identifier:"
SLASH = ("// ", "")
HASH = ("# ", "")
BLOCK = ("/* ", " */")
BY_EXT = {
    ".sv": SLASH, ".svh": SLASH, ".v": SLASH, ".c": SLASH, ".h": SLASH, ".cpp": SLASH,
    ".hpp": SLASH, ".S": SLASH, ".ld": BLOCK,
    ".py": HASH, ".sh": HASH, ".mk": HASH, ".toml": HASH, ".ys": HASH, ".in": HASH,
    ".lpf": HASH, ".pcf": HASH, ".core": HASH, ".cff": HASH, ".txt": HASH, ".tcl": HASH,
    ".yml": HASH, ".yaml": HASH,
}
BY_NAME = {"Makefile": HASH, "run": HASH}
HEAD_LINES = 5   # the tag must be within the first lines


def style(path):
    name = os.path.basename(path)
    if name in BY_NAME:
        return BY_NAME[name]
    return BY_EXT.get(os.path.splitext(name)[1])


def sources():
    out = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True).stdout
    for p in out.decode().split("\0"):
        if p and os.path.isfile(p) and style(p) is not None:
            yield p


def has_tag(text):
    return any(TAG in l for l in text.splitlines()[:HEAD_LINES])


def fix(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if has_tag(text):
        return False
    pre, post = style(path)
    line = f"{pre}{TAG} {LICENSE}{post}\n"
    if text.startswith("#!") or text.startswith("CAPI=2"):
        first, _, rest = text.partition("\n")
        text = first + "\n" + line + rest
    else:
        text = line + text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return True


def main(argv):
    if len(argv) != 2 or argv[1] not in ("--check", "--fix"):
        sys.exit(__doc__.strip().splitlines()[2].strip() and "usage: spdx.py --check | --fix")
    if argv[1] == "--fix":
        n = sum(fix(p) for p in sources())
        print(f"spdx: added the line to {n} files")
        return
    missing = []
    for p in sources():
        with open(p, encoding="utf-8", errors="replace") as f:
            if not has_tag(f.read()):
                missing.append(p)
    if missing:
        print(f"spdx: {len(missing)} source files without '{TAG} {LICENSE}' in their first "
              f"{HEAD_LINES} lines (scripts/spdx.py --fix adds it):")
        for p in missing:
            print("  " + p)
        sys.exit(1)
    print(f"lint: every source file has an SPDX licence line")


if __name__ == "__main__":
    main(sys.argv)
