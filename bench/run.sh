#!/usr/bin/env bash
# The simulation benchmark: trekant's engine and the NumPy reference of the same model, in the
# same run, with both times and their ratio. Not a test; run it by hand:
#
#   bench/run.sh                      # 100 items x 1,000,000 trials, and 20 x 10,000
#   ITEMS=50 TRIALS=200000 bench/run.sh
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
cargo build --release --quiet -p trekant-bench
bench=target/release/trekant-bench

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
