#!/usr/bin/env python3
"""Measures docs-lint against its yardsticks on bench trees, side by side (issue #14).

Usage: bench/measure.py --binary BIN --parse-floor BIN [--runs N] NAME=PLAIN[,GIT] ...

For each tree, every measurement runs once per round, in the same order, for N rounds
(default 3), and the best time of each is kept: the machine is shared and drifts, so each
figure is read as a ratio to a baseline measured in the same rounds. GIT is the tree as
a git repository; without it, a committed copy of PLAIN is made in a temporary folder.
Cache and impact runs work on a temporary copy, so the trees are never changed.

Rows (goals from #14): the cold full lint against the one-thread libcmark parse of the
same files (bench/cmark-parse.c) and against `lychee --offline --include-fragments`, plain
and in git mode; pinned to one core against all cores; peak RSS; a warm cached run and
impact mode after one heading rename against a cold run with an empty cache. Every
cached run must report byte for byte what an uncached run reports. The table is printed
as Markdown on standard output; progress goes to standard error.
Exit status 0, or 1 when a tool fails or a cached run reports differently.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

GOALS = {"floor": "≤ 1.2×", "lychee": "≤ 0.5×", "warm": "≤ 0.08×", "impact": "≤ 0.04×"}


class Failure(Exception):
    pass


def log(message):
    print("bench: " + message, file=sys.stderr, flush=True)


def timed(command, cwd, output=None, rss=False, allowed=(0, 1)):
    """Wall seconds (and peak RSS in KiB with rss=True) of one run; stdout to `output`."""
    prefix = []
    rss_file = None
    if rss:
        rss_file = tempfile.NamedTemporaryFile(delete=False)
        prefix = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name]
    with open(output or os.devnull, "wb") as sink:
        start = time.perf_counter()
        result = subprocess.run(prefix + command, cwd=cwd, stdout=sink, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
    if result.returncode not in allowed:
        raise Failure("%s exited with %d in %s: %s" % (" ".join(command), result.returncode, cwd,
                                                       result.stderr.decode(errors="replace")[-2000:]))
    if not rss:
        return seconds
    with open(rss_file.name) as handle:
        kib = int(handle.read().split()[-1])
    os.unlink(rss_file.name)
    return seconds, kib


def markdown_files(root):
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != ".git")
        found += [os.path.join(folder, name) for name in sorted(names) if name.endswith(".md")]
    return found


def git_copy(plain, folder):
    shutil.copytree(plain, folder, symlinks=True)
    shutil.rmtree(os.path.join(folder, ".git"), ignore_errors=True)
    environment = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
                       GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com")
    for command in (["git", "init", "-q"], ["git", "add", "-A", "-f"],
                    ["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench"]):
        subprocess.run(command, cwd=folder, env=environment, check=True)


def rename_first_heading(repository):
    """Renames the first `## ` heading of the 500th Markdown file of the listing (or the
    first after it that has one; the anchors other files point at break); returns its path."""
    listed = subprocess.run(["git", "ls-files", "-z", "*.md"], cwd=repository, check=True,
                            capture_output=True).stdout.decode().split("\0")
    listed = sorted(name for name in listed if name)
    start = min(499, len(listed) // 2)
    for path in listed[start:] + listed[:start]:
        full = os.path.join(repository, path)
        if not path or not os.path.isfile(full):
            continue
        text = open(full, encoding="utf-8", errors="surrogateescape").read()
        renamed, count = re.subn(r"(?m)^(## .+)$", r"\1 renombrado", text, count=1)
        if count:
            open(full, "w", encoding="utf-8", errors="surrogateescape").write(renamed)
            return path
    raise Failure("no Markdown file with a '## ' heading in " + repository)


class Tree:
    def __init__(self, name, plain, git, work):
        self.name, self.plain, self.git, self.work = name, plain, git, work
        self.best = {}
        self.notes = []

    def keep(self, key, seconds):
        self.best[key] = min(self.best.get(key, seconds), seconds)


def measure(tree, arguments):
    lint = [arguments.binary, "--no-cache", "--format", "json"]
    files = markdown_files(tree.plain)
    tree.files = len(files)
    tree.mib = sum(os.path.getsize(path) for path in files) / 1048576
    file_list = os.path.join(tree.work, "md.list")
    with open(file_list, "wb") as handle:
        handle.write(b"".join(os.fsencode(path) + b"\0" for path in files))
    for path in files:  # a warm page cache: no run pays for the first read from disk
        with open(path, "rb") as handle:
            handle.read()
    if tree.git is None:
        tree.git = os.path.join(tree.work, "git")
        git_copy(tree.plain, tree.git)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else None
    report = os.path.join(tree.work, "report.json")
    for round_number in range(1, arguments.runs + 1):
        with open(file_list, "rb") as handle:
            start = time.perf_counter()
            subprocess.run((pin or []) + [arguments.parse_floor], stdin=handle, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            tree.keep("floor", time.perf_counter() - start)
        seconds, kib = timed(lint + ["--output", report], tree.plain, rss=True)
        tree.keep("cold", seconds)
        tree.rss = max(getattr(tree, "rss", 0), kib)
        tree.keep("lychee", timed(LYCHEE, tree.plain, allowed=(0, 2)))
        seconds, kib = timed(lint, tree.git, rss=True)
        tree.keep("cold-git", seconds)
        tree.rss_git = max(getattr(tree, "rss_git", 0), kib)
        tree.keep("lychee-git", timed(LYCHEE, tree.git, allowed=(0, 2)))
        one_core = (pin or []) + lint + ([] if pin else ["--jobs", "1"])
        tree.keep("one-core", timed(one_core, tree.plain))
        log("%s: round %d of %d: %s" % (tree.name, round_number, arguments.runs,
                                        ", ".join("%s %.2f s" % item for item in sorted(tree.best.items()))))
    findings = json.load(open(report))["findings"]
    tree.findings = len(findings)
    planted_file = os.path.join(tree.plain, ".bench", "planted.jsonl")
    if os.path.exists(planted_file):
        # The generator records every defect it planted: the link and path findings must be exactly those.
        planted = {(entry["file"], entry["line"]) for entry in map(json.loads, open(planted_file))}
        found = {(finding["path"], finding["line"]) for finding in findings if finding["rule"].startswith(("link/", "ref/"))}
        tree.notes.append("%d of %d planted defects found, %d other link or path findings"
                          % (len(planted & found), len(planted), len(found - planted)))
    if not pin:
        tree.notes.append("no taskset: the one-core row is `--jobs 1`")
    measure_cache(tree, arguments)


LYCHEE = ["lychee", "--offline", "--include-fragments", "--no-progress", "-q", "**/*.md"]


def measure_cache(tree, arguments):
    """Cold (empty cache), warm and impact runs on a copy of the git tree."""
    repository = os.path.join(tree.work, "cache-repo")
    shutil.copytree(tree.git, repository, symlinks=True)
    cache = os.path.join(tree.work, "cache")
    base = [arguments.binary, "--format", "json"]
    plain = os.path.join(tree.work, "nocache.json")
    timed(base + ["--no-cache", "--output", plain], repository)
    outputs = []
    for number in range(arguments.runs):
        shutil.rmtree(cache, ignore_errors=True)
        outputs.append(os.path.join(tree.work, "cold-%d.json" % number))
        tree.keep("cache-cold", timed(base + ["--cache-dir", cache, "--output", outputs[-1]], repository))
    for number in range(arguments.runs):
        outputs.append(os.path.join(tree.work, "warm-%d.json" % number))
        tree.keep("warm", timed(base + ["--cache-dir", cache, "--output", outputs[-1]], repository))
    identical = all(open(path, "rb").read() == open(plain, "rb").read() for path in outputs)
    tree.changed = rename_first_heading(repository)
    impact_plain = os.path.join(tree.work, "impact-nocache.json")
    timed(base + ["--no-cache", "--changed-since", "HEAD", "--output", impact_plain], repository)
    impacts = []
    for number in range(arguments.runs):
        impacts.append(os.path.join(tree.work, "impact-%d.json" % number))
        tree.keep("impact", timed(base + ["--cache-dir", cache, "--changed-since", "HEAD", "--output", impacts[-1]],
                                  repository))
    impact = impacts[-1]
    if not identical or any(open(path, "rb").read() != open(impact_plain, "rb").read() for path in impacts):
        raise Failure("%s: a cached run reported differently from an uncached one" % tree.name)
    tree.impact_findings = len(json.load(open(impact))["findings"])
    log("%s: cache cold %.2f s, warm %.2f s, impact %.2f s (%s renamed a heading)"
        % (tree.name, tree.best["cache-cold"], tree.best["warm"], tree.best["impact"], tree.changed))


def table(trees, runs):
    def seconds(key):
        return ["%.3f s" % tree.best[key] for tree in trees]

    def ratio(numerator, denominator):
        return ["%.2f×" % (tree.best[numerator] / tree.best[denominator]) for tree in trees]

    rows = [
        ("Markdown files", ["{:,}".format(tree.files) for tree in trees], ""),
        ("Markdown size", ["%.1f MiB" % tree.mib for tree in trees], ""),
        ("findings (whole tree)", ["{:,}".format(tree.findings) for tree in trees], ""),
        ("libcmark parse floor, 1 thread (`bench/cmark-parse.c`)", seconds("floor"), ""),
        ("docs-lint, cold full lint, all cores", seconds("cold"), ""),
        ("**docs-lint ÷ parse floor**", ratio("cold", "floor"), GOALS["floor"]),
        ("lychee `--offline --include-fragments`", seconds("lychee"), ""),
        ("**docs-lint ÷ lychee**", ratio("cold", "lychee"), GOALS["lychee"]),
        ("docs-lint, git mode", seconds("cold-git"), ""),
        ("lychee, in the git repository", seconds("lychee-git"), ""),
        ("**docs-lint ÷ lychee, git mode**", ratio("cold-git", "lychee-git"), GOALS["lychee"]),
        ("docs-lint pinned to one core (`taskset -c 0`)", seconds("one-core"), ""),
        ("scaling: one core ÷ all cores", ratio("one-core", "cold"), ""),
        ("**peak RSS**, plain / git mode", ["%d / %d MiB" % (tree.rss // 1024, tree.rss_git // 1024) for tree in trees],
         "≤ 100 MiB (bench tree)"),
        ("cache: cold, empty cache", seconds("cache-cold"), ""),
        ("cache: warm, whole tree", seconds("warm"), ""),
        ("**warm ÷ cold**", ratio("warm", "cache-cold"), GOALS["warm"]),
        ("impact mode after one heading rename", seconds("impact"), ""),
        ("**impact ÷ cold**", ratio("impact", "cache-cold"), GOALS["impact"]),
    ]
    lines = ["| best of %d, %d cores | %s | goal |" % (runs, os.cpu_count() or 1, " | ".join(tree.name for tree in trees)),
             "|---|" + "---:|" * len(trees) + "---|"]
    lines += ["| %s | %s | %s |" % (label, " | ".join(values), goal) for label, values, goal in rows]
    for tree in trees:
        lines += ["", "%s: cached runs identical to uncached ones; impact mode renamed a heading in `%s` (%d findings)%s"
                  % (tree.name, tree.changed, tree.impact_findings, "".join("; " + note for note in tree.notes))]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--parse-floor", required=True, help="bench/cmark-parse.c, compiled")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("trees", nargs="+", metavar="NAME=PLAIN[,GIT]")
    arguments = parser.parse_args()
    if arguments.runs < 1:
        parser.error("--runs must be 1 or more")
    arguments.binary = os.path.abspath(arguments.binary)
    arguments.parse_floor = os.path.abspath(arguments.parse_floor)
    trees = []
    with tempfile.TemporaryDirectory(prefix="docs-lint-measure-") as work:
        try:
            for spec in arguments.trees:
                name, _, folders = spec.partition("=")
                plain, _, git = folders.partition(",")
                if not name or not os.path.isdir(plain) or (git and not os.path.isdir(git)):
                    parser.error("not NAME=PLAIN[,GIT] with existing folders: " + spec)
                tree_work = os.path.join(work, str(len(trees)))
                os.makedirs(tree_work)
                trees.append(Tree(name, os.path.abspath(plain), os.path.abspath(git) if git else None, tree_work))
                measure(trees[-1], arguments)
        except Failure as failure:
            log("error: %s" % failure)
            return 1
        print(table(trees, arguments.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
