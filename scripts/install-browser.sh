#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver (for the @pytest.mark.browser tests) when they are missing.
# Needs root (or sudo); safe to run repeatedly.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "install-browser: chromium and chromedriver already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: need root (or sudo) to apt-get install chromium chromium-driver" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core
command -v chromium >/dev/null && command -v chromedriver >/dev/null
echo "install-browser: $(chromium --version 2>/dev/null || echo chromium) ready"
