#!/usr/bin/env python3
"""Writes a SYNTHETIC UK Carbon Intensity API response of about --mb megabytes, for the JSON import benchmark.

The layout copies the real files in ../shared/data (the API's own pretty printing, 4 spaces):
  national:  {"data":[{"from","to","intensity":{"forecast","actual","index"}}, ...]}   (every 10th actual null)
  regional:  {"data":[{"from","to","regions":[{"regionid","dnoregion","shortname","intensity":{...}} x 18]}, ...]}
Half-hour periods from 1900-01-01T00:00Z on; values are pseudo-random (seeded), so the file is the same on every run.
Prints the period count, the first and last times and the sums of forecast and actual values, so that a run can be
checked against the database.

usage: gen_ukci_json.py OUT.json [--mb 500] [--shape national|regional] [--seed 1]
"""
import datetime
import sys

import gen_args


def main():
    a, rng, target = gen_args.parse(
        500, lambda ap: ap.add_argument("--shape", choices=["national", "regional"], default="national"))
    t0 = datetime.datetime(1900, 1, 1, tzinfo=datetime.timezone.utc)
    step = datetime.timedelta(minutes=30)
    fmt = "%Y-%m-%dT%H:%MZ"
    sums = {"forecast": 0, "actual": 0, "last": None}

    def periods():
        t = t0
        i = 0
        while True:
            start, end = t.strftime(fmt), (t + step).strftime(fmt)
            if a.shape == "national":
                forecast = rng.randrange(20, 400)
                actual = None if i % 10 == 9 else rng.randrange(20, 400)
                sums["forecast"] += forecast
                sums["actual"] += actual or 0
                rec = ('        {\n            "from": "%s",\n            "to": "%s",\n            "intensity": {\n'
                       '                "forecast": %d,\n                "actual": %s,\n'
                       '                "index": "moderate"\n'
                       '            }\n        }' % (start, end, forecast, "null" if actual is None else actual))
            else:
                regs = []
                for r in range(1, 19):
                    forecast = rng.randrange(0, 400)
                    sums["forecast"] += forecast
                    regs.append('{"regionid": %d, "dnoregion": "DNO %d", "shortname": "Region %d", '
                                '"intensity": {"forecast": %d, "index": "moderate"}}' % (r, r, r, forecast))
                rec = ('        {"from": "%s", "to": "%s", "regions": [%s]}' % (start, end, ", ".join(regs)))
            sums["last"] = start
            yield rec
            i += 1
            t += step

    with open(a.out, "w", buffering=1 << 20) as f:
        f.write('{\n    "data": [\n')
        count, written = gen_args.write_records(f, periods(), target, written=16)
        f.write("\n    ]\n}\n")
    print("periods %d first %s last %s sum_forecast %d sum_actual %d bytes %d"
          % (count, t0.strftime(fmt), sums["last"], sums["forecast"], sums["actual"], written + 9), file=sys.stderr)


if __name__ == "__main__":
    main()
