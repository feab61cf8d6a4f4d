#!/usr/bin/env bash
# Install Debian's native HTTP load generators, wrk and ab (apache2-utils), for bench/load_native.py.
# Needs root (or sudo); safe to run repeatedly.
set -euo pipefail

if command -v wrk >/dev/null 2>&1 && command -v ab >/dev/null 2>&1; then
    echo "install-load: wrk and ab already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-load: need root (or sudo) to apt-get install wrk apache2-utils" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends wrk apache2-utils
command -v wrk >/dev/null && command -v ab >/dev/null
echo "install-load: $(wrk --version 2>&1 | head -1), $(ab -V | head -1)"
