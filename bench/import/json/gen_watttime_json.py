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
    step = datetime.timedelta(minutes=5)
    total = [0]

    def points():
        t = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
        while True:
            v = rng.randrange(500, 1500)
            total[0] += v
            when = t.strftime("%Y-%m-%dT%H:%M:%S+00:00")
            yield '    {\n      "point_time": "%s",\n      "value": %d\n    }' % (when, v)
            t += step

    with open(a.out, "w", buffering=1 << 20) as f:
        f.write('{\n  "data": [\n')
        n, _ = gen_args.write_records(f, points(), target)
        f.write('\n  ],\n  "meta": {\n    "data_point_period_seconds": 300,\n    "region": "SYNTHETIC",\n'
                '    "signal_type": "co2_moer",\n    "units": "lbs_co2_per_mwh"\n  }\n}\n')
    print("points %d sum_lbs_per_mwh %d" % (n, total[0]), file=sys.stderr)


if __name__ == "__main__":
    main()
