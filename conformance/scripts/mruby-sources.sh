#!/usr/bin/env bash
# Prints the path of an unpacked copy of the guest's mruby sources (test files included), fetching
# them when missing: the same Debian source package guest/build.sh builds from, checked against
# the same sha256, cached in conformance/.cache/ (ignored; third-party source is never committed).
# The version follows guest/build.sh: MRUBY_ORIG and MRUBY_SHA256 are read from it.
#   scripts/mruby-sources.sh [mruby|libonig]    (libonig: Oniguruma, ONIG_ORIG and ONIG_SHA256)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname "$HERE")
BUILD_SH="$ROOT/guest/build.sh"
CACHE="$HERE/.cache"

PKG=${1:-mruby}
case "$PKG" in
  mruby) P=MRUBY ;;
  libonig) P=ONIG ;;
  *) echo "mruby-sources: unknown package $PKG" >&2; exit 1 ;;
esac

raw() { sed -n "s/^$1=\\([^[:space:]]*\\).*/\\1/p" "$BUILD_SH" | head -n1; }
# A value as build.sh writes it, with a reference to <P>_VERSION (if any) resolved.
var() {
  local v mv
  v=$(raw "$1")
  mv=$(raw "${P}_VERSION")
  v=${v//\$\{${P}_VERSION\}/$mv}
  echo "${v//\$${P}_VERSION/$mv}"
}
ORIG=$(var "${P}_ORIG")
SHA=$(var "${P}_SHA256")
DEB_VERSION=$(var "${P}_DEB_VERSION")
[ -n "$ORIG" ] && [ -n "$SHA" ] || { echo "mruby-sources: no ${P}_ORIG/${P}_SHA256 in $BUILD_SH" >&2; exit 1; }
VERSION=${ORIG#"${PKG}"_}
VERSION=${VERSION%.orig.tar.gz}
SRC="$CACHE/$PKG-$VERSION"

ok() { (cd "$1" && echo "$SHA  $ORIG" | sha256sum -c --status 2>/dev/null); }

if [ ! -f "$SRC/.unpacked" ]; then
  mkdir -p "$CACHE"
  if ! ok "$CACHE"; then
    # The guest build's own download, when this checkout has one.
    if [ -f "$ROOT/.guest-build/sources/$ORIG" ] && ok "$ROOT/.guest-build/sources"; then
      cp "$ROOT/.guest-build/sources/$ORIG" "$CACHE/"
    else
      # deb-src (and, for newer suites, their entries) are what the guest build relies on too.
      KOBAKO_SKIP_TOOLCHAIN=${KOBAKO_SKIP_TOOLCHAIN:-0}
      [ "$KOBAKO_SKIP_TOOLCHAIN" = 1 ] || bash "$ROOT/guest/install-toolchain.sh" >&2
      spec=$PKG
      if [ -n "$DEB_VERSION" ]; then
        spec="$PKG=$DEB_VERSION"
      else # pinned by the orig's sha256 only: take whichever Debian revision of this version exists
        rev=$(apt-cache showsrc "$PKG" 2>/dev/null | sed -n 's/^Version: //p' | grep -E "^(.*:)?$VERSION-" | head -n1)
        [ -n "$rev" ] && spec="$PKG=$rev"
      fi
      echo "mruby-sources: fetching Debian source package $spec" >&2
      (cd "$CACHE" && apt-get source --download-only -q "$spec" >&2)
    fi
    ok "$CACHE" || { echo "mruby-sources: checksum mismatch for $ORIG (expected $SHA)" >&2; exit 1; }
  fi
  rm -rf "$SRC" "$CACHE/unpack"
  mkdir -p "$CACHE/unpack"
  tar -xzf "$CACHE/$ORIG" -C "$CACHE/unpack"
  mv "$CACHE/unpack"/* "$SRC"
  rmdir "$CACHE/unpack"
  touch "$SRC/.unpacked"
fi
echo "$SRC"
