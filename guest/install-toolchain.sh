#!/usr/bin/env bash
# Installs the pinned Debian toolchain that builds data/kobako.wasm, and enables deb-src so the
# build can fetch Debian's source packages of mruby and Oniguruma (trixie's). Idempotent; needs root (or sudo).
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# Pinned versions: the committed wasm is byte-identical only with this exact compiler.
CLANG_VER="1:19.1.7-3~deb12u1"
PKGS=(
  "clang-19=$CLANG_VER" "lld-19=$CLANG_VER" "llvm-19=$CLANG_VER"
  "libclang-rt-19-dev-wasm32=$CLANG_VER"
  "wasi-libc=0.0~git20220510.9886d3d-2"
  ruby rake dpkg-dev
  # mruby's parser is regenerated from our patched parse.y (guest/build.sh checks the version)
  "bison=2:3.8.2+dfsg-1+b1"
  # wasm2wat/wat2wasm: guest/track-stack.mjs rewrites the linked module's text
  "wabt=1.0.32-1"
)

need=0
for p in "${PKGS[@]}"; do
  name=${p%%=*}
  dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" || need=1
done

src_list=/etc/apt/sources.list.d/kobako-deb-src.sources
have_src=0
grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list && have_src=1

if [ "$have_src" -eq 0 ]; then
  # Mirror every existing `deb` entry as `deb-src` (deb822 format, as on Debian 12 images).
  $SUDO sh -c "sed -n '/^Types:/,/^\$/p' /etc/apt/sources.list.d/debian.sources | sed 's/^Types: deb\$/Types: deb-src/' > $src_list"
  need=1
fi

# The guest's sources (mruby 3.3, Oniguruma 6.9.9) are Debian trixie's source packages: add that
# suite's deb-src only (no binary packages come from it).
trixie_list=/etc/apt/sources.list.d/kobako-deb-src-trixie.sources
if ! grep -rqs '^Suites:.*trixie' /etc/apt/sources.list.d/; then
  $SUDO sh -c "printf '%s\\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' 'Suites: trixie' \
    'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' > $trixie_list"
  need=1
fi

if [ "$need" -eq 1 ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${PKGS[@]}"
fi
