#!/usr/bin/env python3
"""Writes a SYNTHETIC WattTime v3 /v3/historical response of about --mb megabytes, "meta" AFTER "data" as WattTime
writes it (the importer then reads "meta" from a second reading of the file first). 5-minute points from
2000-01-01T00:00:00+00:00, MOER values in lbs/MWh pseudo-random (seeded). Prints the point count and the sum of the
values (lbs/MWh) to stderr.

usage: gen_watttime_json.py OUT.json [--mb 100] [--seed 1]
"""
import datetime
import sys

import gen_args


def main():
    a, rng, target = gen_args.parse(100)
    t = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
    step = datetime.timedelta(minutes=5)
    n = 0
    total = 0
    written = 0
    with open(a.out, "w", buffering=1 << 20) as f:
        f.write('{\n  "data": [\n')
        while written < target:
            v = rng.randrange(500, 1500)
            total += v
            rec = '    {\n      "point_time": "%s",\n      "value": %d\n    }' % (t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), v)
            if n:
                f.write(",\n")
                written += 2
            f.write(rec)
            written += len(rec)
            n += 1
            t += step
        f.write('\n  ],\n  "meta": {\n    "data_point_period_seconds": 300,\n    "region": "SYNTHETIC",\n'
                '    "signal_type": "co2_moer",\n    "units": "lbs_co2_per_mwh"\n  }\n}\n')
    print("points %d sum_lbs_per_mwh %d" % (n, total), file=sys.stderr)


if __name__ == "__main__":
    main()
