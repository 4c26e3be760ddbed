#!/usr/bin/env python3
"""Input shapes that once took quadratic time (issue #13), each linted at size N and 2N.

Usage: python3 bench/scaling.py [--binary PATH] [--scale F] [SHAPE...]

Each shape is one small repository built in a temporary folder. The ratio of the two
wall-clock times must stay under 3 (a linear shape doubles; a quadratic one quadruples),
measured side by side in one run: the best of RUNS (default 3) runs of each size.
Without SHAPE arguments it also compares peak memory on large single files with
libcmark's parse alone (cmark-parse.c): under 1.6 times that floor for links (2 for a
file of headings), and at most 1 KiB per finding beyond it on a findings-heavy file.
Exit status 1 when a shape's ratio reaches 3 or memory crosses its limit, 2 on a usage error.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def code_spans(n):
    # Code spans on one long line (a 1 MB line once took 27 s).
    return {"a.md": "# A\n\n" + " ".join("`x%d`" % i for i in range(n)) + "\n"}


def autolinks(n):
    # Autolinks in one paragraph (20,000 once took 8-15 s).
    return {"a.md": "# A\n\n" + " ".join("<https://example.com/%d>" % i for i in range(n)) + "\n"}


def broken_links(n):
    # Findings x references in one document (150,000 broken links once took 16-37 s).
    return {"a.md": "# A\n\n" + "\n".join("[l](missing%d.md)" % i for i in range(n)) + "\n"}


def broken_anchors(n):
    # "Did you mean" over every anchor of the target for every broken fragment.
    target = "# T\n\n" + "".join("## Section %d\n\n" % i for i in range(n))
    links = "# A\n\n" + "\n".join("[l](t.md#sectoin-%d)" % i for i in range(n)) + "\n"
    return {"t.md": target, "a.md": links}


def unknown_symbols(n):
    # iac/unknown-symbol suggestions: N unknown make targets against N declared.
    makefile = "".join("target%d:\n\techo %d\n" % (i, i) for i in range(n))
    plan = "# Plan\n\n" + "\n".join("    make trget%d" % i for i in range(n)) + "\n"
    return {"Makefile": makefile, "docs/plan.md": plan}


def dockerfile_continuations(n):
    # A Dockerfile instruction continued over N lines (40,000 once took 50 s).
    return {
        "Dockerfile": "FROM debian\nRUN true \\\n" + "".join("  && echo %d \\\n" % i for i in range(n)) + "  && true\n",
        "README.md": "# Image\n\nBuilt from the `Dockerfile`.\n",
    }


def commands_under_headings(n):
    # Each indented command block looked for its section by counting every heading above it.
    return {"a.md": "# A\n\n" + "".join("## Step %d\n\n    bash scripts/run.sh\n\n" % i for i in range(n))}


def reference_definitions(n):
    # A run of definitions in one paragraph: its end was looked for again from every line.
    uses = "".join("[l%d][r%d]\n" % (i, i) for i in range(n))
    return {"a.md": "# A\n\n" + uses + "\n" + "".join("[r%d]: missing%d.md\n" % (i, i) for i in range(n))}


def escaped_destinations(n):
    # Links written with entities in one paragraph: each searched the rest of it for its
    # decoded form.
    return {"a.md": "# A\n\n" + "".join("[l](m&#%d;&amp;%d.md)\n" % (48 + i % 10, i) for i in range(n))}


def long_heading(n):
    # A setext heading of N lines with code spans: its text was copied for every piece.
    return {"a.md": "# A\n\n" + "".join("line %d `x`\n" % i for i in range(n)) + "---\n"}


def globs(n):
    # Every glob reference was tried against every file of the tree.
    spans = "".join("`tests/test_%d_*.py`\n" % i for i in range(n))
    files = {"tests/test_%d_a.py" % i: "" for i in range(n)}
    files["a.md"] = "# A\n\n" + spans
    return files


SHAPES = {
    "code-spans": (code_spans, 100_000),
    "autolinks": (autolinks, 20_000),
    "broken-links": (broken_links, 50_000),
    "broken-anchors": (broken_anchors, 2_000),
    "unknown-symbols": (unknown_symbols, 2_000),
    "dockerfile-continuations": (dockerfile_continuations, 20_000),
    "commands-under-headings": (commands_under_headings, 20_000),
    "reference-definitions": (reference_definitions, 20_000),
    "globs": (globs, 10_000),
    "escaped-destinations": (escaped_destinations, 20_000),
    "long-heading": (long_heading, 40_000),
}


def write_tree(folder, files):
    for path, text in files.items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)


def peak_kib(command, stdin=None):
    """Peak resident set size of one command, from GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, input=stdin,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return int(result.stderr.decode().strip().splitlines()[-1])


def memory(binary):
    """Peak memory on large single files against libcmark parsing them alone
    (bench/cmark-parse.c): the per-file representation must stay within a small multiple
    of that floor, and each finding of a findings-heavy file within 1 KiB beyond it."""
    if not os.access("/usr/bin/time", os.X_OK) or shutil.which("cc") is None:
        print("scaling: memory check skipped: needs /usr/bin/time and cc", file=sys.stderr)
        return []
    folder = tempfile.mkdtemp(prefix="docs-lint-memory-")
    failed = []
    try:
        parser = os.path.join(folder, "cmark-parse")
        subprocess.run(["cc", "-O2", "-o", parser, os.path.join(ROOT, "bench/cmark-parse.c"), "-lcmark"], check=True)
        # (name, document, findings it yields, limit): a ratio to the floor, or bytes per finding.
        # A heading keeps its text and its slug (GitHub's anchor) besides cmark's node: 2x.
        shapes = [
            ("1M links, 10 MB", "\n".join("[l](t.md#t) `t.md`" for _ in range(500_000)), None, 1.6),
            ("200k headings, 5 MB", "".join("## Heading %d ünï\n\ntext\n\n" % i for i in range(200_000)), None, 2.0),
            ("100k broken links", "\n".join("[l](missing%d.md)" % i for i in range(100_000)), 100_000, 1024),
        ]
        for name, body, findings, limit in shapes:
            tree = os.path.join(folder, "tree")
            shutil.rmtree(tree, ignore_errors=True)
            write_tree(tree, {"a.md": "# A\n\n" + body + "\n", "t.md": "# T\n"})
            floor = peak_kib([parser], stdin=(tree + "/a.md\0").encode())
            # The lower of two runs: threads that happen to allocate at once can add an arena.
            lint = min(peak_kib([binary, "--no-cache", "--root", tree, tree, "--format", "json"]) for _ in range(2))
            if findings:
                per = (lint - floor) * 1024 / findings
                print("%-26s %9s %8dM %8dM %5dB/finding" % ("memory: " + name, "", floor // 1024, lint // 1024, per))
                failed += ["memory (%s)" % name] if per > limit else []
            else:
                print("%-26s %9s %8dM %8dM %6.2f" % ("memory: " + name, "", floor // 1024, lint // 1024, lint / floor))
                failed += ["memory (%s)" % name] if lint / floor >= limit else []
        return failed
    finally:
        shutil.rmtree(folder)


def lint_time(binary, files, runs):
    folder = tempfile.mkdtemp(prefix="docs-lint-scaling-")
    try:
        write_tree(folder, files)
        best = None
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run(
                [binary, "--no-cache", "--root", folder, folder, "--format", "json"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            if result.returncode not in (0, 1):
                sys.exit("scaling: docs-lint exited %d: %s" % (result.returncode, result.stderr.decode()[:400]))
            best = elapsed if best is None else min(best, elapsed)
        return best
    finally:
        shutil.rmtree(folder)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/docs-lint"))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N (default 1)")
    parser.add_argument("shapes", nargs="*", choices=[[]] + list(SHAPES), default=[])
    arguments = parser.parse_args()
    if not os.access(arguments.binary, os.X_OK):
        print("scaling: no binary at %s (swift build -c release)" % arguments.binary, file=sys.stderr)
        return 2
    runs = int(os.environ.get("RUNS", "3"))
    failed = []
    print("%-26s %9s %9s %9s %6s" % ("shape", "N", "time N", "time 2N", "ratio"))
    for name in arguments.shapes or SHAPES:
        build, size = SHAPES[name]
        size = max(1, int(size * arguments.scale))
        single = lint_time(arguments.binary, build(size), runs)
        double = lint_time(arguments.binary, build(2 * size), runs)
        ratio = double / single
        print("%-26s %9d %8.2fs %8.2fs %6.2f" % (name, size, single, double, ratio), flush=True)
        if ratio >= 3:
            failed.append(name)
    if not arguments.shapes:
        failed += memory(arguments.binary)
    if failed:
        print("scaling: superlinear: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
