#!/usr/bin/env python3
"""Writes a SYNTHETIC Twitter cache-trace-format file (twitter/cache-trace line layout:
timestamp,anonymized key,key size,value size,client id,operation,TTL) of at least --size bytes, for bench_import
and the memory/crash checks. Nothing in it is measured data: arrivals are a Poisson process with a daily wave,
keys are random. Generate it into /tmp; never commit it.

usage: gen_twitter_trace.py OUT [--size-gb 1.0] [--seed 1] [--days 7 | --rate REQUESTS_PER_SECOND]

--rate picks the mean request rate instead of the period (which then follows from the size): --rate 2 gives the
low-rate trace of bench_import (about one line every half second, most seconds with 0-3 lines), where per-second
work rather than per-byte work sets an importer's speed.
"""
import argparse
import os

import numpy as np

ALPHABET = np.frombuffer(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", dtype=np.uint8)
OPS = np.array([b"get", b"gets", b"set", b"add", b"cas", b"delete", b"incr"])
OP_WEIGHTS = np.array([0.70, 0.05, 0.15, 0.03, 0.02, 0.04, 0.01])


def block(rng, first_second, seconds, mean_rate):
    t = np.arange(first_second, first_second + seconds)
    # A daily wave between 0.4x and 1.6x of the mean, peaking mid-afternoon.
    rate = mean_rate * (1.0 + 0.6 * np.sin(2 * np.pi * (t % 86400) / 86400 - np.pi / 2))
    ts = np.repeat(t, rng.poisson(rate))
    n = ts.size
    key_len = rng.integers(12, 28, n)
    keys = ALPHABET[rng.integers(0, ALPHABET.size, (n, 28))]
    key_size = key_len + rng.integers(0, 4, n)
    value_size = rng.integers(0, 2000, n)
    client = rng.integers(1, 300, n)
    op = OPS[rng.choice(OPS.size, n, p=OP_WEIGHTS)]
    ttl = np.where(np.isin(op, [b"set", b"add", b"cas"]), rng.integers(60, 86400, n), 0)
    lines = []
    for i in range(n):
        lines.append(b"%d,%s,%d,%d,%d,%s,%d" % (ts[i], keys[i, :key_len[i]].tobytes(), key_size[i], value_size[i],
                                                 client[i], op[i], ttl[i]))
    return b"\n".join(lines) + b"\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--size-gb", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=float, default=7.0)
    p.add_argument("--rate", type=float, help="mean requests per second (the period follows from --size-gb)")
    a = p.parse_args()
    target = int(a.size_gb * 1e9)
    if a.rate:
        mean_rate = a.rate
    else:
        # About 50 bytes a line: the mean rate that fills the target over the period.
        mean_rate = target / 50.0 / int(a.days * 86400)
    rng = np.random.default_rng(a.seed)
    written = 0
    second = 0
    step = 3600
    with open(a.out, "wb") as f:
        while written < target:
            data = block(rng, second, step, mean_rate)
            f.write(data)
            written += len(data)
            second += step
    print(f"{a.out}: {written / 1e9:.2f} GB, {second} s of SYNTHETIC Twitter-format requests at a mean"
          f" {mean_rate:.1f}/s (seed {a.seed})")


if __name__ == "__main__":
    main()
