#!/usr/bin/env bash
# Builds data/kobako.wasm from pinned Debian sources with Debian's clang for wasm32-wasi.
#
#   guest/build.sh [OUTPUT]        (default OUTPUT: data/kobako.wasm)
#
# Environment: KOBAKO_BUILD_DIR (scratch folder, default .guest-build/), KOBAKO_SKIP_TOOLCHAIN=1 to
# skip the apt step, KOBAKO_PREINIT=0 for a module that boots in the worker. Third-party sources are fetched as Debian source packages, checked against the
# sha256 sums below, unpacked into the scratch folder and patched there; none is committed.
set -euo pipefail

GUEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$GUEST_DIR")
OUT=$(realpath -m "${1:-$ROOT/data/kobako.wasm}")
WORK=$(realpath -m "${KOBAKO_BUILD_DIR:-$ROOT/.guest-build}")

# Upstream tarballs are pinned by sha256, the Debian revision is not: a point release
# (3.3.0-1 → 3.3.0-2) replaces the .dsc but never the .orig.tar.gz of the same upstream version.
SUITE=trixie
MRUBY_VERSION=3.3.0
MRUBY_ORIG=mruby_$MRUBY_VERSION.orig.tar.gz
MRUBY_SHA256=53088367e3d7657eb722ddfacb938f74aed1f8538b3717fe0b6eb8f58402af65
ONIG_VERSION=6.9.9
ONIG_ORIG=libonig_$ONIG_VERSION.orig.tar.gz
ONIG_SHA256=001aa1202e78448f4c0bf1a48c76e556876b36f16d92ce3207eccfd61d99f2a0

CLANG=clang-19
JOBS=${KOBAKO_JOBS:-2}

log() { printf '[guest] %s\n' "$*" >&2; }

[ "${KOBAKO_SKIP_TOOLCHAIN:-0}" = 1 ] || bash "$GUEST_DIR/install-toolchain.sh"

# --- sources -------------------------------------------------------------------------------
SOURCES="$WORK/sources"
mkdir -p "$SOURCES"
fetch_source() { # package orig-file sha256
  local pkg=$1 file=$2 sha=$3
  if ! (cd "$SOURCES" && echo "$sha  $file" | sha256sum -c --status 2>/dev/null); then
    log "fetching Debian source package $pkg/$SUITE"
    (cd "$SOURCES" && apt-get source --download-only -q "$pkg/$SUITE" >&2)
  fi
  (cd "$SOURCES" && echo "$sha  $file" | sha256sum -c --status) || {
    log "checksum mismatch for $file (expected $sha)"
    exit 1
  }
}
fetch_source mruby "$MRUBY_ORIG" "$MRUBY_SHA256"
fetch_source libonig "$ONIG_ORIG" "$ONIG_SHA256"

# A fresh, patched tree every build, so nothing stale leaks into the output.
SRC="$WORK/src"
rm -rf "$SRC" "$WORK/mruby-build"
mkdir -p "$SRC"
tar -xzf "$SOURCES/$MRUBY_ORIG" -C "$SRC"
tar -xzf "$SOURCES/$ONIG_ORIG" -C "$SRC"
MRUBY="$SRC/mruby-$MRUBY_VERSION"
ONIG="$SRC/oniguruma-$ONIG_VERSION"
for patch in "$GUEST_DIR"/patches/mruby/*.diff; do
  [ -e "$patch" ] || continue
  log "applying $(basename "$patch")"
  patch -s -d "$MRUBY" -p1 <"$patch"
done
# Our patches change the grammar (parse.y), so the parser is regenerated from it rather than taken
# from the tarball's y.tab.c. Pinned bison: from unpatched sources it reproduces the shipped file
# byte for byte. Generated after patching, y.tab.c is newer than parse.y and rake leaves it alone.
BISON_VERSION=3.8.2
bison --version | head -n 1 | grep -qx "bison (GNU Bison) $BISON_VERSION" || {
  log "bison $BISON_VERSION is required (guest/install-toolchain.sh installs it)"
  exit 1
}
(cd "$MRUBY" && bison -o mrbgems/mruby-compiler/core/y.tab.c mrbgems/mruby-compiler/core/parse.y)

# --- Oniguruma: the regexp engine (UTF-8 and ASCII only; our config.h, no configure) ----------
log "building Oniguruma"
OBJ="$WORK/obj"
mkdir -p "$OBJ/onig"
ONIG_SOURCES="regparse regcomp regexec regenc regerror regext regsyntax regtrav regversion st reggnu
  unicode unicode_unfold_key unicode_fold1_key unicode_fold2_key unicode_fold3_key ascii utf8"
for name in $ONIG_SOURCES; do
  $CLANG --target=wasm32-wasi --sysroot=/usr -O2 -fno-ident -w \
    -I"$GUEST_DIR/onig" -I"$ONIG/src" -ffile-prefix-map="$WORK=build" \
    -c "$ONIG/src/$name.c" -o "$OBJ/onig/$name.o"
done
rm -f "$OBJ/libonig.a"
llvm-ar-19 rcsD "$OBJ/libonig.a" "$OBJ"/onig/*.o

# --- mruby (native mrbc + wasm libmruby.a with our runtime gem) ----------------------------
log "building mruby"
(
  cd "$MRUBY"
  export MRUBY_CONFIG="$GUEST_DIR/build_config.rb" MRUBY_BUILD_DIR="$WORK/mruby-build"
  export KOBAKO_GUEST_DIR="$GUEST_DIR" KOBAKO_CLANG="$CLANG" KOBAKO_ONIG_INCLUDE="$ONIG/src"
  # Reproducible output: no absolute paths of this checkout or scratch folder in the binary.
  export KOBAKO_PREFIX_MAP="-ffile-prefix-map=$GUEST_DIR=guest -ffile-prefix-map=$WORK=build"
  rake -j"$JOBS" all >"$WORK/mruby-build.log" 2>&1 || {
    tail -n 60 "$WORK/mruby-build.log" >&2
    exit 1
  }
)
LIBMRUBY="$WORK/mruby-build/wasm/lib/libmruby.a"

# --- setjmp runtime: compiled without -wasm-enable-sjlj (it defines what that mode calls) ---
$CLANG --target=wasm32-wasi --sysroot=/usr -O2 -mexception-handling -I"$GUEST_DIR/include" \
  -ffile-prefix-map="$GUEST_DIR=guest" -c "$GUEST_DIR/sjlj/sjlj.c" -o "$OBJ/sjlj.o"

# --- link ----------------------------------------------------------------------------------
log "linking $OUT"
mkdir -p "$(dirname "$OUT")"
# Stack first: a C stack overflow traps instead of overwriting static data. 1 MiB of stack lets
# Ruby recurse as deep as it does natively (SystemStackError comes from mruby's own limit).
$CLANG --target=wasm32-wasi --sysroot=/usr -mexec-model=reactor -mexception-handling \
  "$OBJ/sjlj.o" "$LIBMRUBY" "$OBJ/libonig.a" -lm \
  -Wl,-u,kobako_boot \
  -Wl,--export=__stack_pointer \
  -Wl,--stack-first -Wl,-z,stack-size=1048576 \
  -Wl,--gc-sections -Wl,--strip-debug \
  -o "$OUT.linked"

# --- boot at build time (guest/preinit.mjs); KOBAKO_PREINIT=0 builds a module that boots itself -
# A booted module takes the guest's boot off every worker's start (import to first result 95 ->
# 78 ms here) for ~17 KB of gzip, which the -Os build left room for (docs/BENCHMARKS.md, "A guest
# booted at build time"). The function names kept by the link let preinit.mjs find the code only
# boot runs; wasm-opt drops them.
if [ "${KOBAKO_PREINIT:-1}" = 1 ]; then
  log "booting the guest into its data segments"
  node "$GUEST_DIR/preinit.mjs" "$OUT.linked" "$OUT.booted"
  rm -f "$OUT.linked"
else
  mv "$OUT.linked" "$OUT.booted"
fi

# --- the stack's depth, recorded (guest/track-stack.mjs, wabt from Debian) --------------------
# The restore zeroes only the dead C stack an invocation used (docs/SECURITY.md, "The dead C
# stack"): after every write of __stack_pointer, the guest lowers the global kobako_stack_low.
WABT_VERSION=1.0.32
wasm2wat --version 2>/dev/null | grep -qx "$WABT_VERSION" && wat2wasm --version 2>/dev/null | grep -qx "$WABT_VERSION" || {
  log "wabt $WABT_VERSION (wasm2wat, wat2wasm) is required: bash guest/install-toolchain.sh"
  exit 1
}
log "recording the stack's depth"
node "$GUEST_DIR/track-stack.mjs" "$OUT.booted" "$OUT.tracked"
mv "$OUT.tracked" "$OUT.booted"

# --- wasm-opt (binaryen from npm, pinned in pnpm-lock.yaml: `pnpm install` puts it in place) ---
# V8 optimises the code again whatever binaryen did (no speed difference measured), but the
# binary is ~8 % smaller (docs/BENCHMARKS.md, "What the guest pays over native").
WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
BINARYEN_VERSION=132
"$WASM_OPT" --version 2>/dev/null | grep -q "^wasm-opt version $BINARYEN_VERSION " || {
  log "wasm-opt $BINARYEN_VERSION is required (npm package binaryen, installed by 'pnpm install')"
  exit 1
}
log "optimising with wasm-opt"
# memory-packing is skipped: it splits the data at every zero run, for 9 KB less raw but 9 KB more
# gzip; the linker (or preinit.mjs) lays the data out in few segments already.
"$WASM_OPT" -O2 --skip-pass=memory-packing --enable-exception-handling --enable-bulk-memory \
  --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
  --strip-debug --strip-producers --strip-target-features \
  "$OUT.booted" -o "$OUT.tmp"
rm -f "$OUT.booted"
mv "$OUT.tmp" "$OUT"
log "done: $(stat -c %s "$OUT") bytes, gzip $(gzip -9c "$OUT" | wc -c) bytes"
