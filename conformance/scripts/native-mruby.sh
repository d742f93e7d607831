#!/usr/bin/env bash
# pnpm mruby:native — builds native mruby of the guest's version with gcc from the same verified
# Debian sources (scripts/mruby-sources.sh), runs mruby's own tests with it exactly as the sandbox
# test does (scripts/native-tests.mjs), and records the counts. Two builds:
#   guest    the guest's mruby: its patches (guest/patches/mruby), gems, defines and runtime gem
#            (guest/runtime, with Oniguruma from the guest's source) — everything but the wasm
#            host. mruby-guest-native.json: the baseline the sandbox must reach, file by file.
#   vanilla  unpatched upstream with the guest's gems and defines, no runtime gem.
#            mruby-native.json: informational (where the guest deliberately answers as CRuby).
#   scripts/native-mruby.sh [guest] [vanilla]      (default: both)
# KOBAKO_NATIVE_BUILD_ONLY=1 builds without running the tests or recording (bench/lib.mjs).
# Takes the machine-wide guest build lock while compiling.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname "$HERE")
GUEST_DIR="$ROOT/guest"
SRC=$(bash "$HERE/scripts/mruby-sources.sh")
VERSION=${SRC##*/mruby-}
LOCK=/tmp/kobako-guest-build.lock

config="$GUEST_DIR/build_config.rb"
wasm=$(sed -n '/CrossBuild/,$p' "$config")
# The guest's mruby gems in its order (gems initialise in that order).
gems=$(grep -o "mruby-[a-z0-9-]*" <<<"$wasm" | grep -v '^mruby-bin-' | awk '!seen[$0]++' | tr '\n' ' ')
# `conf.cc.defines += %w[...]`, on one line or several.
defines=$(awk '/conf\.cc\.defines \+= %w\[/ { on = 1 } on { print } on && /\]/ { exit }' <<<"$wasm" |
  sed 's/.*%w\[//; s/\].*//' | tr -s ' \n' ' ')
export KOBAKO_NATIVE_GEMS="$gems" KOBAKO_NATIVE_DEFINES="$defines"
echo "native-mruby: mruby $VERSION, defines: $defines" >&2

rake_build() { # source-dir build-dir config
  (
    cd "$1"
    export MRUBY_CONFIG="$3" MRUBY_BUILD_DIR="$2"
    flock "$LOCK" rake -j"${KOBAKO_JOBS:-2}" all >"$2.log" 2>&1 || {
      tail -n 40 "$2.log" >&2
      exit 1
    }
  )
}

vanilla() {
  local build="$HERE/.cache/native-vanilla-$VERSION"
  rake_build "$SRC" "$build" "$HERE/mruby/native_build_config.rb"
  # The bench needs the binary only: it must not rewrite the recorded counts.
  [ "${KOBAKO_NATIVE_BUILD_ONLY:-0}" = 1 ] && return
  node "$HERE/scripts/native-tests.mjs" "$build/host/bin/mruby" vanilla
}

guest() {
  local build="$HERE/.cache/native-guest-$VERSION" patched="$HERE/.cache/native-guest-src-$VERSION"
  local onig_src
  onig_src=$(bash "$HERE/scripts/mruby-sources.sh" libonig)
  # The guest's sources as guest/build.sh prepares them: a fresh copy, our patches in name order,
  # the parser regenerated from the patched grammar.
  rm -rf "$patched" "$build"
  cp -a "$SRC" "$patched"
  for patch in "$GUEST_DIR"/patches/mruby/*.diff; do
    [ -e "$patch" ] || continue
    patch -s -d "$patched" -p1 <"$patch"
  done
  (cd "$patched" && bison -o mrbgems/mruby-compiler/core/y.tab.c mrbgems/mruby-compiler/core/parse.y)
  # Oniguruma with the guest's config.h and source list (guest/build.sh), for this machine.
  local onig_obj="$build/onig"
  mkdir -p "$onig_obj"
  local names
  names=$(sed -n '/^ONIG_SOURCES="/,/"/p' "$GUEST_DIR/build.sh" | sed 's/^ONIG_SOURCES="//; s/"//' | tr -s ' \n' ' ')
  for name in $names; do
    gcc -O2 -w -I"$GUEST_DIR/onig" -I"$onig_src/src" -c "$onig_src/src/$name.c" -o "$onig_obj/$name.o"
  done
  ar rcs "$build/libonig.a" "$onig_obj"/*.o
  KOBAKO_ONIG_INCLUDE="$onig_src/src" KOBAKO_ONIG_LIB="$build/libonig.a" \
    KOBAKO_RUNTIME_GEM="$GUEST_DIR/runtime" \
    rake_build "$patched" "$build/mruby" "$HERE/mruby/guest_native_build_config.rb"
  node "$HERE/scripts/native-tests.mjs" "$build/mruby/host/bin/mruby" guest
}

for what in "${@:-guest vanilla}"; do
  for w in $what; do
    case "$w" in
      guest | vanilla) "$w" ;;
      *) echo "native-mruby: unknown build $w (guest or vanilla)" >&2; exit 1 ;;
    esac
  done
done
