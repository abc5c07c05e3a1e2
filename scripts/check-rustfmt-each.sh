#!/usr/bin/env bash
# rustfmt --check on every tracked .rs file one by one, so that no file hides from
# `cargo fmt` (a module declared inside a macro body is never formatted by it).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r file; do
    if ! rustfmt --edition 2024 --check "$file" >/dev/null 2>&1; then
        echo "not formatted: $file (run: rustfmt --edition 2024 $file)"
        status=1
    fi
done < <(git ls-files '*.rs')
exit $status
