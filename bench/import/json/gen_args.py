"""The arguments the JSON generators share: OUT, --mb (the file's size in megabytes) and --seed."""
import argparse
import random


def parse(default_mb, add_options=None):
    """Returns (args, a random generator seeded by --seed, the target size in bytes)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=default_mb)
    if add_options:
        add_options(ap)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    return a, random.Random(a.seed), int(a.mb * 1e6)


def write_records(f, records, target, written=0):
    """Writes the texts of `records` (an iterator, asked for one more only while fewer than `target` bytes are
    written), separated by ",\\n"; `written` counts what the file already holds. Returns (records, bytes written)."""
    n = 0
    while written < target:
        rec = next(records)
        if n:
            f.write(",\n")
            written += 2
        f.write(rec)
        written += len(rec)
        n += 1
    return n, written
