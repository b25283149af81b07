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
    raw = sorted(x for fork in b["primaryMetric"]["rawData"] for x in fork)
    median = raw[len(raw) // 2] if len(raw) % 2 else (raw[len(raw) // 2 - 1] + raw[len(raw) // 2]) / 2
    score[(name, rate)] = (b["primaryMetric"]["score"], b["primaryMetric"]["scoreError"], median)

def c_api(rate, mode):
    text = (out / f"c-api-{rate}-{mode}.txt").read_text()
    m = re.search(r"summary .*median_total_ms=([\d.]+)", text)
    totals = sorted(float(x) for x in re.findall(r"total_ms=([\d.]+)", text.split("summary")[0]))
    mean = sum(totals) / len(totals)
    return float(m.group(1)), mean

print()
print("Per file, 6 s clip, eGeMAPS v02 functionals. JMH: mean ± 99.9% interval [median of iterations];")
print("C API: mean [median] of smile_bench's 60 iterations. Ratios use medians (robust to the")
print("iterations another process disturbed); throughput ratio uses JMH means.")
print()
print("| clip | (a) Panama, fresh | (b) Panama, reused | (c) C API, fresh | (c) C API, reused | (d) subprocess per file | a/c | b/c | d/b | 1 thread | 2 threads | 2T/1T |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for rate in ("16000", "44100"):
    a = score[("freshInstance", rate)]
    b = score[("reusedInstance", rate)]
    d = score[("subprocessPerFile", rate)]
    t1 = score[("throughput1Thread", rate)]
    t2 = score[("throughput2Threads", rate)]
    cf_med, cf_mean = c_api(rate, "fresh")
    cr_med, cr_mean = c_api(rate, "reuse")
    print(f"| {int(rate)/1000:g} kHz | {a[0]:.1f} ± {a[1]:.1f} [{a[2]:.1f}] ms | {b[0]:.1f} ± {b[1]:.1f} [{b[2]:.1f}] ms | "
          f"{cf_mean:.1f} [{cf_med:.1f}] ms | {cr_mean:.1f} [{cr_med:.1f}] ms | {d[0]:.1f} ± {d[1]:.1f} [{d[2]:.1f}] ms | "
          f"{a[2] / cf_med:.3f} | {b[2] / cr_med:.3f} | {d[2] / b[2]:.2f} | {t1[0]:.2f} files/s ({1000 / t1[0]:.1f} ms/file, "
          f"{1000 / t1[0] / cr_med:.3f} of C reused) | {t2[0]:.2f} files/s | {t2[0] / t1[0]:.2f} |")
