#!/usr/bin/env bash
# Install Debian's native HTTP load generators, wrk and ab (apache2-utils), for bench/load_native.py.
# Needs root (or sudo); safe to run repeatedly.
set -euo pipefail

"$(dirname "$0")/apt-install.sh" install-load "wrk ab" wrk apache2-utils
echo "install-load: $(wrk --version 2>&1 | head -1), $(ab -V | head -1)"
