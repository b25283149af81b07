#!/usr/bin/env bash
# Runs bench/peer_sklearn.py (the study's scikit-learn pipeline) on an experiment folder written
# by `sonemo experiment`, in a virtual environment it creates in bench/target/venv-peer.
#   bench/peer_sklearn.sh DIR [peer_sklearn.py options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="${SONEMO_PEER_VENV:-$here/target/venv-peer}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "scikit-learn>=1.3" numpy
fi
exec "$venv/bin/python" "$here/peer_sklearn.py" "$@"
