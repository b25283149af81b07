#!/usr/bin/env bash
# Fetches openSMILE 3.0.2 as the official `opensmile==2.6.0` wheel (download only, no install),
# checks its SHA-256, and unpacks this platform's SMILEapi library and the config/ tree into
# third_party/opensmile/ (ignored by git). Idempotent: does nothing when already unpacked.
# openSMILE is under audEERING's research licence: it is downloaded here, never redistributed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dest="$here/opensmile"
version=2.6.0

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)  plat=manylinux_2_17_x86_64; lib=libSMILEapi.so
                 sha=717ae9ad8c042ec000546b590a20a4a6c50b946d3c339936e10720dc57bcaa6f ;;
  Linux-aarch64) plat=manylinux_2_17_aarch64; lib=libSMILEapi.so
                 sha=98b2dd93075a1966c53d04cddadf1b9290b0933e35af176a8466998704341e15 ;;
  Linux-armv7l)  plat=manylinux_2_17_armv7l; lib=libSMILEapi.so
                 sha=faf81435f169d378136337e66bfbe5537a71feeae2f9ea16bcb90e1e91350ca6 ;;
  Darwin-arm64)  plat=macosx_11_0_arm64; lib=libSMILEapi.dylib
                 sha=572843aa36d0ab61efc5516bec0eec3bb11b66f22050a34014dd7c996c4c112e ;;
  Darwin-x86_64) plat=macosx_10_4_x86_64; lib=libSMILEapi.dylib
                 sha=fd17585ad147879dac3da640fcaac46dc38aa42db4364d8025ff40bf55edf9aa ;;
  MINGW*|MSYS*|CYGWIN*) plat=win_amd64; lib=SMILEapi.dll
                 sha=4377d53cc678c119015b7771df00d88a835d9fec946982efc23717b54cf5320d ;;
  *) echo "fetch-opensmile: no opensmile wheel for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

if [ -f "$dest/$lib" ] && [ -f "$dest/config/egemaps/v02/eGeMAPSv02.conf" ] \
   && [ "$(cat "$dest/.wheel-sha256" 2>/dev/null)" = "$sha" ]; then
  exit 0
fi

by_hand() {
  cat >&2 <<MSG
fetch-opensmile: $1
Supply openSMILE by hand instead: get opensmile-$version-py3-none-$plat.whl (it is a zip
archive) from PyPI, unzip it, and point sonemo at its files, either with environment variables
  SONEMO_SMILEAPI_LIB=/path/to/opensmile/core/bin/$plat/$lib
  SONEMO_OPENSMILE_CONFIG=/path/to/opensmile/core/config
or with the Java system properties sonemo.smileapi.lib and sonemo.opensmile.config.
MSG
  exit 1
}

py=$(command -v python3 || command -v python || true)
[ -n "$py" ] || by_hand "python3 (for pip) was not found"
"$py" -m pip --version >/dev/null 2>&1 || by_hand "pip is not available for $py"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-opensmile: downloading opensmile==$version ($plat) with pip" >&2
"$py" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform "$plat" "opensmile==$version" -d "$tmp" >&2 \
  || by_hand "pip could not download opensmile==$version (no network or no access to PyPI?)"
whl=$(ls "$tmp"/*.whl 2>/dev/null | head -n 1)
[ -n "$whl" ] || by_hand "pip produced no wheel"
got=$( (command -v sha256sum >/dev/null && sha256sum "$whl" || shasum -a 256 "$whl") | cut -d' ' -f1)
[ "$got" = "$sha" ] || by_hand "checksum mismatch for $(basename "$whl"): got $got, expected $sha"

"$py" - "$whl" "$tmp/x" <<'PY'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
PY
rm -rf "$dest"
mkdir -p "$dest"
cp "$tmp/x/opensmile/core/bin/$plat/$lib" "$dest/$lib"
cp -R "$tmp/x/opensmile/core/config" "$dest/config"
cp "$tmp/x/opensmile-$version.dist-info/licenses/LICENSE" "$dest/LICENSE"
echo "$sha" > "$dest/.wheel-sha256"
echo "fetch-opensmile: openSMILE library and configs are in $dest" >&2
