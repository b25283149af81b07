#!/usr/bin/env bash
# Issue 2's benchmark session: the Panama binding against the raw C API, measured in one run.
#   bench/run-native.sh            (from the project root or bench/)
# 1. builds the project, the C reference benchmark and the JMH jar;
# 2. (c) runs smile_bench on the same 6 s clips (16 and 44.1 kHz), fresh and reused instances;
# 3. (a, b, throughput) JMH NativeExtractionBench and (d) SubprocessBench;
# 4. reused against fresh as interleaved pairs (PairedReuse);
# 5. writes raw outputs and a summary with the ratios to bench/results/<date>-native/.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
"$root/sonemo" setup >/dev/null
JAVA_HOME=$("$root/sonemo" env | sed -n 's/^JAVA_HOME=//p')
export JAVA_HOME
(cd "$root" && mvn -B -q install -DskipTests)
(cd "$bench" && mvn -B -q package)

out="$bench/results/$(date -u +%Y-%m-%dT%H%M)-native"
mkdir -p "$out"
cd "$bench"
# make the clips (JMH's setup writes the same files; make them first for smile_bench)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp target/benchmarks.jar \
  org.sonemo.bench.BenchClips 16000 44100
config="$root/third_party/opensmile/config/egemaps/v02/eGeMAPSv02.conf"
for rate in 16000 44100; do
  for mode in fresh reuse; do
    flag=""; [ "$mode" = reuse ] && flag="--reuse"
    "$root/target/native/smile_bench" --iterations 60 $flag "$config" "target/clips/music6s_$rate.wav" \
      > "$out/c-api-$rate-$mode.txt"
  done
done
"$JAVA_HOME/bin/java" -jar target/benchmarks.jar 'NativeExtractionBench|SubprocessBench' \
  -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
# reused against fresh, as interleaved pairs (see PairedReuse)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp target/benchmarks.jar \
  org.sonemo.bench.PairedReuse 200 > "$out/paired-reuse.md"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  echo "command: bench/run-native.sh"
  python3 "$bench/summarize_native.py" "$out"
  echo
  echo "Reused against fresh, interleaved pairs (PairedReuse):"
  echo
  cat "$out/paired-reuse.md"
} > "$out/summary.md"
cat "$out/summary.md"
