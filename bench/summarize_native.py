"""Summarises bench/run-native.sh's outputs: per-file cost and the ratios issue 2 asks for."""
import json
import re
import sys
from pathlib import Path

out = Path(sys.argv[1])
jmh = json.loads((out / "jmh.json").read_text())
score = {}
for b in jmh:
    name = b["benchmark"].rsplit(".", 1)[1]
    rate = b["params"]["rate"]
    score[(name, rate)] = (b["primaryMetric"]["score"], b["primaryMetric"]["scoreError"], b["primaryMetric"]["scoreUnit"])

def c_api(rate, mode):
    text = (out / f"c-api-{rate}-{mode}.txt").read_text()
    m = re.search(r"summary .*median_total_ms=([\d.]+)", text)
    totals = sorted(float(x) for x in re.findall(r"total_ms=([\d.]+)", text.split("summary")[0]))
    mean = sum(totals) / len(totals)
    return float(m.group(1)), mean

print()
print("| 6 s clip | (a) Panama, fresh instance | (b) Panama, reused | (c) C API fresh / reused (mean, median) | (d) subprocess per file | a/c | b/c | 2 threads / 1 thread |")
print("|---|---|---|---|---|---|---|---|")
for rate in ("16000", "44100"):
    a = score[("freshInstance", rate)]
    b = score[("reusedInstance", rate)]
    d = score[("subprocessPerFile", rate)]
    t1 = score[("throughput1Thread", rate)]
    t2 = score[("throughput2Threads", rate)]
    cf_med, cf_mean = c_api(rate, "fresh")
    cr_med, cr_mean = c_api(rate, "reuse")
    print(f"| {int(rate)/1000:g} kHz | {a[0]:.2f} ± {a[1]:.2f} ms | {b[0]:.2f} ± {b[1]:.2f} ms | "
          f"{cf_mean:.2f} / {cr_mean:.2f} ms ({cf_med:.2f} / {cr_med:.2f}) | {d[0]:.2f} ± {d[1]:.2f} ms | "
          f"{a[0] / cf_mean:.3f} | {b[0] / cr_mean:.3f} | {t2[0] / t1[0]:.2f} ({t1[0]:.1f} -> {t2[0]:.1f} files/s) |")
