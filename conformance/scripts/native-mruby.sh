#!/usr/bin/env bash
# pnpm mruby:native — builds native mruby of the guest's version from the same verified Debian
# source (scripts/mruby-sources.sh), with the guest's gems and defines, runs mruby's own tests
# with it exactly as the sandbox test does, and records the counts in mruby-native.json.
# Takes the machine-wide guest build lock while compiling.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname "$HERE")
SRC=$(bash "$HERE/scripts/mruby-sources.sh")
VERSION=${SRC##*/mruby-}
BUILD="$HERE/.cache/native-$VERSION"

config="$ROOT/guest/build_config.rb"
wasm=$(sed -n '/CrossBuild/,$p' "$config")
gems=$(grep -o "mruby-[a-z0-9-]*" <<<"$wasm" | grep -v '^mruby-bin-' | sort -u | tr '\n' ' ')
# `conf.cc.defines += %w[...]`, on one line or several.
defines=$(awk '/conf\.cc\.defines \+= %w\[/ { on = 1 } on { print } on && /\]/ { exit }' <<<"$wasm" |
  sed 's/.*%w\[//; s/\].*//' | tr -s ' \n' ' ')

echo "native-mruby: mruby $VERSION, defines: $defines" >&2
(
  cd "$SRC"
  export MRUBY_CONFIG="$HERE/mruby/native_build_config.rb" MRUBY_BUILD_DIR="$BUILD"
  export KOBAKO_NATIVE_GEMS="$gems" KOBAKO_NATIVE_DEFINES="$defines"
  flock /tmp/kobako-guest-build.lock rake -j"${KOBAKO_JOBS:-2}" all >"$BUILD.log" 2>&1 || {
    tail -n 40 "$BUILD.log" >&2
    exit 1
  }
)
node "$HERE/scripts/native-tests.mjs" "$BUILD/host/bin/mruby"
