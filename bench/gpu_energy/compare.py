#!/usr/bin/env python3
"""Sets the C++ engine's rows (bench_gpu_energy) against the PyTorch peers' (peers.py), measured in one run:
a table per model and batch, and each implementation's energy ratio to PyTorch eager and to the best C++ build;
then, per model and batch, the honest ratio: the best peer's energy per image over the best C++ build's (above 1:
the C++ engine spends less)."""
import csv, sys

rows = []
for path in sys.argv[1:]:
    with open(path) as f:
        rows += [r for r in csv.DictReader(l for l in f if not l.startswith("#")) if r.get("mj_per_image")]

keys = sorted({(r["model"], int(r["batch"])) for r in rows}, key=lambda k: (k[0], k[1]))
print(f"{'model':10} {'batch':>5} {'impl':14} {'ms/batch':>9} {'img/s':>9} {'mJ/img':>8} {'W':>6} {'vs eager':>9} {'vs C++':>7}")
for model, batch in keys:
    group = [r for r in rows if r["model"] == model and int(r["batch"]) == batch]
    eager = next((float(r["mj_per_image"]) for r in group if r["impl"] == "torch-eager"), None)
    cpp = [float(r["mj_per_image"]) for r in group if r["impl"].startswith("cpp-") and r["impl"] != "cpp-eager"]
    best = min(cpp) if cpp else None
    for r in sorted(group, key=lambda r: float(r["mj_per_image"])):
        mj = float(r["mj_per_image"])
        ve = f"{mj / eager:.3f}" if eager else "-"
        vc = f"{mj / best:.3f}" if best else "-"
        print(f"{model:10} {batch:5d} {r['impl']:14} {float(r['ms_p50']):9.3f} {float(r['images_per_s']):9.0f} "
              f"{mj:8.2f} {float(r['watts'] or 0):6.0f} {ve:>9} {vc:>7}")

print()
print(f"{'model':10} {'batch':>5} {'best C++':>16} {'mJ':>7} {'best peer':>22} {'mJ':>7} {'peer/C++':>9}")
for model, batch in keys:
    group = [r for r in rows if r["model"] == model and int(r["batch"]) == batch]
    cpp = [r for r in group if r["impl"].startswith("cpp-")]
    peers = [r for r in group if r["impl"].startswith("torch-")]
    if not cpp or not peers:
        continue
    c = min(cpp, key=lambda r: float(r["mj_per_image"]))
    p = min(peers, key=lambda r: float(r["mj_per_image"]))
    peer = f"{p['impl']} (sync {p.get('sync_every') or 1})"
    print(f"{model:10} {batch:5d} {c['impl']:>16} {float(c['mj_per_image']):7.2f} {peer:>22} "
          f"{float(p['mj_per_image']):7.2f} {float(p['mj_per_image']) / float(c['mj_per_image']):9.3f}")
