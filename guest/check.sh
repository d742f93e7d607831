#!/usr/bin/env bash
# Rebuilds the guest in a scratch folder and fails unless the result is byte-identical to the
# committed data/kobako.wasm: the committed binary must be exactly what the pinned sources and
# toolchain produce.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/kobako-guest-check.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

KOBAKO_BUILD_DIR="$SCRATCH/build" bash "$ROOT/guest/build.sh" "$SCRATCH/kobako.wasm"

committed="$ROOT/data/kobako.wasm"
size=$(stat -c %s "$committed")
limit=$((1500 * 1000))
if [ "$size" -gt "$limit" ]; then
  echo "guest:check: data/kobako.wasm is $size bytes, over the 1.5 MB budget" >&2
  exit 1
fi
if cmp -s "$SCRATCH/kobako.wasm" "$committed"; then
  echo "guest:check: data/kobako.wasm is reproducible ($size bytes, sha256 $(sha256sum "$committed" | cut -c1-16))"
else
  echo "guest:check: rebuilt wasm differs from data/kobako.wasm" >&2
  echo "  committed: $(sha256sum "$committed")" >&2
  echo "  rebuilt:   $(sha256sum "$SCRATCH/kobako.wasm")" >&2
  echo "  run 'pnpm guest:build' and commit data/kobako.wasm together with guest/" >&2
  exit 1
fi
