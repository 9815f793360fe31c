#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Check the JUnit XML files cmocka wrote (make test JUNIT_DIR=DIR).

usage: junit-check.py DIR SUITE...

Every SUITE must have DIR/SUITE.xml: well-formed, one <testsuite> named
SUITE with tests="N" > 0 equal to its number of <testcase> elements.
Prints one line per suite (tests, failures, errors); exits 1 on the first
missing or malformed file.
"""
import os
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: junit-check.py DIR SUITE...")
    d, suites = argv[1], argv[2:]
    for s in suites:
        path = os.path.join(d, s + ".xml")
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            sys.exit(f"junit-check: {path}: {e}")
        ts = [t for t in root.iter("testsuite") if t.get("name") == s]
        if len(ts) != 1:
            sys.exit(f"junit-check: {path}: want one <testsuite name=\"{s}\">, found {len(ts)}")
        t = ts[0]
        n = int(t.get("tests", "0"))
        cases = len(t.findall("testcase"))
        if n <= 0 or n != cases:
            sys.exit(f"junit-check: {path}: tests=\"{n}\" but {cases} <testcase> elements")
        print(f"junit: {s}: {n} tests, {t.get('failures')} failures, {t.get('errors')} errors")


if __name__ == "__main__":
    main(sys.argv)
