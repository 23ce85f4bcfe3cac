#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SIGKILL campaign (issue 18, docs/storage.md): `comb` killed at random moments during
coding, import, merge, undo and index builds, then integrity, "every command that returned is
there", all-or-nothing for the ones that were killed, and the index rebuilds and answers.

    tests/soak/kill_campaign.py COMB [--kills N] [--seed S] [--results FILE] [--dir DIR]

Each round runs one command and kills it after a random share (0 to 1.5) of that command's
typical run time (a moving average of the runs that finished), so kills land across its whole life, including after its commit. A command
that exited 0 is "acknowledged": what it did must be in the project at the end. A killed one
must have done all of its action or none. Every 100 rounds, and at the end, the project's
integrity is checked (PRAGMA integrity_check, with no comb process alive) and the index must
answer a search with the right number of hits. Exit status 1 on any failure. With --results,
a row is appended to that Markdown file (date, machine, kills, failures).
"""
import argparse
import json
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

WORD = "lantern"  # in every imported document, once


class Campaign:
    def __init__(self, comb, folder, rng):
        self.comb, self.dir, self.rng = comb, folder, rng
        self.project = os.path.join(folder, "soak.comb")
        self.typical = {}
        self.kills = 0
        self.rounds = 0
        self.failures = []
        self.acked = {"code": set(), "import": set(), "merge": set(), "undo": set()}
        self.killed = {"code": set(), "import": set(), "merge": set(), "undo": set()}
        self.counts = {k: 0 for k in ("code", "import", "merge", "undo", "index")}
        self.n = 0

    def run(self, args, coder="soak", check=True):
        env = dict(os.environ, COMB_CODER=coder)
        r = subprocess.run([self.comb] + args, env=env, capture_output=True, text=True)
        if check and r.returncode != 0:
            raise RuntimeError("comb %s: %s" % (" ".join(args), r.stderr))
        return r

    def killed_run(self, kind, args, coder="soak"):
        """Runs comb, kills it after a random share of its typical time; True when it returned 0."""
        env = dict(os.environ, COMB_CODER=coder)
        typical = self.typical.get(kind, 0.05)
        budget = self.rng.uniform(0, typical * 1.5)
        t0 = time.monotonic()
        p = subprocess.Popen([self.comb] + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            rc = p.wait(timeout=budget)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            rc = p.wait()
        if rc == -signal.SIGKILL:
            self.kills += 1
            return False
        if rc == 0:  # follow the machine's load: a moving average of the runs that finished
            self.typical[kind] = 0.8 * self.typical.get(kind, 0.05) + 0.2 * (time.monotonic() - t0)
        return rc == 0

    def measure(self, kind, args, coder="soak"):
        t0 = time.monotonic()
        self.run(args, coder)
        self.typical[kind] = max(time.monotonic() - t0, 0.005)

    def write_doc(self, name):
        path = os.path.join(self.dir, name + ".txt")
        with open(path, "w") as f:
            f.write("P1: the %s was lit before the training %s\nP2: we never had time for it %s\n" % (WORD, name, name))
        return path

    def setup(self):
        self.run(["new", self.project])
        self.run(["import", self.project, self.write_doc("base")])
        self.measure("code", ["code", self.project, "base", "0", "5", "Warmup/C"])
        self.measure("import", ["import", self.project, self.write_doc("warm")])
        self.measure("index", ["index", self.project, "--rebuild"])
        self.measure("undo", ["undo", self.project])
        other = self.colleague(-1)
        self.measure("merge", ["merge", self.project, other])

    def colleague(self, i):
        """A colleague's copy: the base document, coded once by colleague-i."""
        path = os.path.join(self.dir, "colleague-%d.comb" % i)
        self.run(["new", path])
        self.run(["import", path, os.path.join(self.dir, "base.txt")])
        self.run(["code", path, "base", "6", "12", "Colleague/C%d" % i], coder="colleague-%d" % i)
        return path

    def round(self):
        self.n += 1
        i = self.n
        kind = self.rng.choices(["code", "import", "merge", "undo", "index"], [35, 20, 10, 15, 20])[0]
        self.counts[kind] += 1
        if kind == "code":
            start = self.rng.randrange(0, 40)
            ok = self.killed_run(kind, ["code", self.project, "base", str(start), str(start + 5), "K/C%d" % i])
        elif kind == "import":
            ok = self.killed_run(kind, ["import", self.project, self.write_doc("imp-%d" % i)])
        elif kind == "merge":
            ok = self.killed_run(kind, ["merge", self.project, self.colleague(i)])
        elif kind == "undo":
            coder = "undoer-%d" % i
            self.run(["code", self.project, "base", "20", "30", "U/C%d" % i], coder=coder)
            ok = self.killed_run(kind, ["undo", self.project], coder=coder)
        else:
            self.killed_run(kind, ["index", self.project, "--rebuild"])
            return
        (self.acked if ok else self.killed)[kind].add(i)

    def check(self, final=False):
        # Integrity with no comb alive (every round waits for its process).
        db = sqlite3.connect(self.project)
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
        if integrity != "ok":
            self.failures.append("round %d: integrity %s" % (self.n, integrity))
        codings = json.loads(self.run(["codings", self.project, "--json"]).stdout)
        docs = json.loads(self.run(["docs", self.project, "--json"]).stdout)
        codes = {c["code"]: c["codings"] for c in json.loads(self.run(["codes", self.project, "--json"]).stdout)}
        coded = {}
        for c in codings:
            coded.setdefault(c["code"], []).append(c)
        names = {d["name"]: d for d in docs}
        for i in self.acked["code"]:
            if len(coded.get("K/C%d" % i, [])) != 1:
                self.failures.append("acknowledged coding K/C%d missing" % i)
        for i in self.killed["code"]:
            if codes.get("K/C%d" % i, 0) != len(coded.get("K/C%d" % i, [])):
                self.failures.append("killed coding K/C%d half-done" % i)
        for i in self.acked["import"] | self.killed["import"]:
            d = names.get("imp-%d" % i)
            if i in self.acked["import"] and d is None:
                self.failures.append("acknowledged import imp-%d missing" % i)
            if d is not None and d["turns"] != 2:
                self.failures.append("import imp-%d half-done (%d turns)" % (i, d["turns"]))
        by_coder = {}
        for c in codings:
            by_coder[c["coder"]] = by_coder.get(c["coder"], 0) + 1
        for i in self.acked["merge"]:
            if by_coder.get("colleague-%d" % i, 0) != 1:
                self.failures.append("acknowledged merge of colleague-%d missing" % i)
        for i in self.killed["merge"]:
            if by_coder.get("colleague-%d" % i, 0) > 1:
                self.failures.append("killed merge of colleague-%d doubled" % i)
        for i in self.acked["undo"]:
            if "U/C%d" % i in coded:
                self.failures.append("acknowledged undo %d not undone" % i)
        for i in self.killed["undo"]:
            if codes.get("U/C%d" % i, 0) != len(coded.get("U/C%d" % i, [])):
                self.failures.append("killed undo %d half-done" % i)
        # The index: rebuilt when a killed build left it damaged; one hit per document.
        r = self.run(["search", self.project, WORD, "--json", "--limit", "100000"], check=False)
        if r.returncode != 0:
            self.failures.append("round %d: search failed: %s" % (self.n, r.stderr.strip()))
        elif len(json.loads(r.stdout)) != len(docs):
            self.failures.append("round %d: search found %d of %d documents" % (self.n, len(json.loads(r.stdout)), len(docs)))
        return integrity


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("comb")
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--results")
    ap.add_argument("--dir")
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    folder = a.dir or tempfile.mkdtemp(prefix="comb-kill-")
    c = Campaign(os.path.abspath(a.comb), folder, random.Random(seed))
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    t0 = time.monotonic()
    c.setup()
    checks = 0
    while c.kills < a.kills:
        c.round()
        if c.n % 100 == 0:
            c.check()
            checks += 1
    c.check(final=True)
    checks += 1
    elapsed = time.monotonic() - t0
    lost = sum(1 for f in c.failures if "acknowledged" in f)
    corrupt = sum(1 for f in c.failures if "integrity" in f)
    summary = ("seed %d: %d rounds, %d kills (%s), %d checks, %d acknowledged commands checked, "
               "corrupt projects %d, lost acknowledged commands %d, other failures %d, %.0f s"
               % (seed, c.n, c.kills, ", ".join("%s %d" % kv for kv in c.counts.items()), checks,
                  sum(len(v) for v in c.acked.values()), corrupt, lost, len(c.failures) - lost - corrupt, elapsed))
    print(summary)
    for f in c.failures[:50]:
        print("FAIL:", f)
    if a.results:
        with open(a.results, "a") as out:
            out.write("\n## Kill campaign, %s\n\nMachine: %s, %d cores, shared with other builds.\n\n%s\n"
                      % (started, " ".join(platform.uname()[0:3:2] + (platform.machine(),)), os.cpu_count(), summary))
            for f in c.failures[:50]:
                out.write("- FAIL: %s\n" % f)
    if not a.dir:
        subprocess.run(["rm", "-rf", folder])
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
