#!/usr/bin/env bash
# apt-get install PACKAGES unless every COMMAND is already on PATH; shared by the install-*.sh scripts.
# Usage: scripts/apt-install.sh TAG "COMMAND..." PACKAGE...
# Needs root (or sudo); safe to run repeatedly. Exits non-zero when a COMMAND is still missing afterwards.
set -euo pipefail

tag=$1
commands=$2
shift 2

have_all() {
    local c
    for c in $commands; do
        command -v "$c" >/dev/null 2>&1 || return 1
    done
}

if have_all; then
    echo "$tag: ${commands// / and } already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "$tag: need root (or sudo) to apt-get install $*" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "$@"
have_all
