#!/usr/bin/env python3
"""Latency of `docs-lint lsp` as an editor sees it.

A scripted client opens one document of a large tree, types N edits (one character each,
at the end of a line, at a typing pace), renames a heading, and records the time from each didChange to the
publishDiagnostics of that version. Prints a Markdown table: the initial index (open to
first diagnostics) beside a cold and a warm lint of the whole tree, p50/p95/max per edit,
the rename's time, and the server's peak RSS beside a cold lint's.

    python3 bench/lsp_latency.py --binary .build/release/docs-lint --tree /tmp/docs-lint-real-shaped/plain [--watch]

Without `--watch` the server reads the repository again every 3 seconds of typing (files may
change without the client saying so); with it the client reports changes and it need not.
"""

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class Server:
    def __init__(self, binary, cache):
        self.process = subprocess.Popen(
            [binary, "lsp", "--cache-dir", cache], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        """The next message from the server; requests it makes (a file watcher's
        registration) are answered at once, as an editor does."""
        while True:
            message = self.read_message()
            if "method" in message and "id" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            return message

    def read_message(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == ident:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for_version(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri:
                if params.get("version", version) >= version:
                    return params

    def peak_rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0


def lint_seconds_and_rss(binary, tree, cache):
    """A whole-tree lint with the given cache folder: wall time and peak RSS (KiB)."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", binary, "--cache-dir", cache, "--format", "json", tree],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    elapsed = time.perf_counter() - start
    return elapsed, int(result.stderr.strip().splitlines()[-1])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/docs-lint")
    parser.add_argument("--tree", required=True, help="a git work tree of many Markdown files")
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--pace", type=float, default=0.1, help="seconds between keystrokes (typing speed)")
    parser.add_argument("--watch", action="store_true", help="the client watches files for the server, as VS Code does")
    arguments = parser.parse_args()
    binary = str(pathlib.Path(arguments.binary).resolve())
    tree = pathlib.Path(arguments.tree).resolve()
    documents = sorted(p for p in tree.rglob("*.md") if ".git" not in p.parts)
    # A document with a level-2 heading, to rename.
    target = next(p for p in documents if "\n## " in p.read_text(errors="replace"))
    text = target.read_text(errors="replace")
    uri = target.as_uri()

    cache = tempfile.mkdtemp(prefix="docs-lint-lsp-bench-")
    try:
        cold, cold_rss = lint_seconds_and_rss(binary, str(tree), tempfile.mkdtemp(dir=cache))
        lint_seconds_and_rss(binary, str(tree), cache)  # fills the cache the server will use
        warm, _ = lint_seconds_and_rss(binary, str(tree), cache)

        server = Server(binary, cache)
        capabilities = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}} if arguments.watch else {}
        server.request("initialize", {"processId": os.getpid(), "rootUri": tree.as_uri(), "capabilities": capabilities})
        server.notify("initialized", {})
        start = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        server.wait_for_version(uri, 1)
        initial = time.perf_counter() - start

        lines = text.split("\n")
        line = max(0, len(lines) - 2)
        column = len(lines[line].encode("utf-16-le")) // 2
        latencies = []
        for version in range(2, arguments.edits + 2):
            change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}}, "text": "x"}
            start = time.perf_counter()
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            server.wait_for_version(uri, version)
            latencies.append(time.perf_counter() - start)
            column += 1
            time.sleep(arguments.pace)

        heading = next(index for index, value in enumerate(lines) if value.startswith("## "))
        start = time.perf_counter()
        reply = server.request(
            "textDocument/rename",
            {"textDocument": {"uri": uri}, "position": {"line": heading, "character": 4}, "newName": "Renamed by the benchmark"},
        )
        rename = time.perf_counter() - start
        rss = server.peak_rss_kib()
        server.request("shutdown", None)
        server.notify("exit", None)
        server.process.wait(timeout=30)
    finally:
        shutil.rmtree(cache, ignore_errors=True)

    milliseconds = lambda seconds: f"{seconds * 1000:.1f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"
    watching = "the client watches files" if arguments.watch else "the client does not watch files"
    print(
        f"{len(documents):,} Markdown files; document `{target.relative_to(tree)}`; {len(latencies)} edits, "
        f"{arguments.pace * 1000:.0f} ms apart; {watching}\n"
    )
    print("| measure | figure | goal |\n|---|---:|---|")
    print(f"| initial index (open → first diagnostics) | {milliseconds(initial)} | ≤ a cold lint |")
    print(f"| cold lint of the whole tree | {milliseconds(cold)} |  |")
    print(f"| warm lint of the whole tree | {milliseconds(warm)} |  |")
    print(f"| edit → diagnostics, p50 | {milliseconds(statistics.median(latencies))} | ≤ 10 ms |")
    print(f"| edit → diagnostics, p95 | {milliseconds(percentile(latencies, 0.95))} | ≤ 50 ms |")
    print(f"| edit → diagnostics, max | {milliseconds(max(latencies))} |  |")
    print(f"| rename a heading (workspace edit) | {milliseconds(rename)} |  |")
    print(f"| server peak RSS | {rss / 1024:.0f} MiB | ≤ 2 × a cold lint's |")
    print(f"| cold lint peak RSS | {cold_rss / 1024:.0f} MiB |  |")
    if "error" in reply:
        print(f"\nrename answered an error: {reply['error']}", file=sys.stderr)


if __name__ == "__main__":
    main()
