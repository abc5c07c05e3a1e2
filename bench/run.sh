#!/usr/bin/env bash
# The simulation benchmark: trekant's engine and the NumPy reference of the same model, in the
# same run, with both times and their ratio. Not a test; run it by hand:
#
#   bench/run.sh                      # 100 items x 1,000,000 trials, and 20 x 10,000
#   ITEMS=50 TRIALS=200000 bench/run.sh
#   ONLY=process bench/run.sh         # only the whole `trekant estimate` process, 1 and 100 items
#
# Timings are wall-clock and noisy on a shared machine: each side reports its best and its
# median, and the ratio is taken between the best runs.
set -euo pipefail
cd "$(dirname "$0")/.."

ITEMS=${ITEMS:-100}
TRIALS=${TRIALS:-1000000}
REPEAT=${REPEAT:-10}
NUMPY_REPEAT=${NUMPY_REPEAT:-2}

if ! python3 -c 'import numpy' 2>/dev/null; then
    python3 -m pip install --quiet numpy 2>/dev/null ||
        python3 -m pip install --quiet --break-system-packages numpy
fi
cargo build --release --quiet -p trekant-bench -p trekant-cli
bench=target/release/trekant-bench

# The whole process a user runs: `trekant estimate` of a brief with the benchmark's items
# (the same formula as the NumPy reference), 1,000,000 trials, parsing, review-free
# simulation, the summary, the chart and the verdict, against NumPy simulating the same
# items and reading the same summary (in-process time: NumPy gets its start-up for free).
process_bench() {
    local dir
    dir=$(mktemp -d)
    for k in 1 100; do
        python3 - "$k" >"$dir/items_$k.toml" <<'PY'
import sys
n = int(sys.argv[1])
print('[project]\nname = "bench"\nstart = 2027-03-01\n\n[me]\nrate = 900\n')
print('[model]\ndistribution = "pert"\ncorrelation = 0.3\n')
for k in range(n):
    low = 4.0 + 2.0 * (k % 7)
    likely = low * (1.5 + 0.1 * (k % 5))
    high = likely * (2.0 + 0.25 * (k % 4))
    print(f'[[item]]\nid = "item-{k}"\nestimate = [{low!r}, {likely!r}, {high!r}]\npriority = "must"\n')
PY
    done
    local trekant=target/release/trekant
    for k in 1 100; do
        local cmd="$trekant estimate $dir/items_$k.toml --trials 1000000 --seed 1 --no-history"
        echo "== whole process: trekant estimate, $k item(s) x 1,000,000 trials ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
        local best
        if command -v hyperfine >/dev/null; then
            hyperfine -N --warmup 3 --runs "${PROCESS_RUNS:-30}" --style basic --export-json "$dir/h_$k.json" "$cmd" 2>/dev/null | grep -E 'Time|Range'
            best=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(min(r['times']))" "$dir/h_$k.json")
        else
            best=$(for _ in $(seq "${PROCESS_RUNS:-30}"); do
                s=$(date +%s.%N); $cmd >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc
            done | sort -n | head -1)
        fi
        local ref_out ref
        ref_out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/numpy_reference.py \
            --items "$k" --trials 1000000 --repeat "$NUMPY_REPEAT" --method rank --summary)
        echo "$ref_out" | grep -v '^best_seconds'
        ref=$(awk '/^best_seconds/ { print $2 }' <<<"$ref_out")
        awk -v r="$best" -v n="$ref" -v k="$k" 'BEGIN {
            goal = (k == 1) ? 0.03 : 0.1
            printf "trekant estimate best %.4f s (goal <= %.2f s), numpy %.4f s: %.1fx faster\n", r, goal, n, n / r
        }'
        echo
    done
    rm -rf "$dir"
}

if [ "${ONLY:-}" = process ]; then
    process_bench
    exit 0
fi

echo "== the interactive case: 20 items x 10,000 trials"
"$bench" --items 20 --trials 10000 --repeat 200 | grep -v '^best_seconds'
echo

echo "== ${ITEMS} items x ${TRIALS} trials, all cores"
rust_out=$("$bench" --items "$ITEMS" --trials "$TRIALS" --repeat "$REPEAT")
echo "$rust_out" | grep -v '^best_seconds'
rust=$(awk '/^best_seconds/ { print $2 }' <<<"$rust_out")
echo

echo "== the same on one thread"
RAYON_NUM_THREADS=1 "$bench" --items "$ITEMS" --trials "$TRIALS" --repeat 3 | grep -E 'rust:|simulate'
echo

# Some machines here set OpenBLAS variables that slow a current NumPy; unset them for the
# reference alone.
numpy_run() {
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/numpy_reference.py \
        --items "$ITEMS" --trials "$TRIALS" --repeat "$NUMPY_REPEAT" --method "$1"
}

echo "== NumPy reference (beta draws, Gaussian copula by ranks)"
numpy_out=$(numpy_run rank)
echo "$numpy_out" | grep -v '^best_seconds'
numpy=$(awk '/^best_seconds/ { print $2 }' <<<"$numpy_out")
echo

echo "== NumPy with the engine's table method (np.interp), for comparison"
table_out=$(numpy_run table)
echo "$table_out" | grep -v '^best_seconds'
table=$(awk '/^best_seconds/ { print $2 }' <<<"$table_out")
echo

awk -v r="$rust" -v n="$numpy" -v t="$table" 'BEGIN {
    printf "rust %.4f s, numpy %.3f s: %.0fx faster (target: >= 40x, and rust < 0.1 s)\n", r, n, n / r
    printf "numpy with tables %.3f s: %.0fx\n", t, t / r
}'

echo
process_bench
