#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver (for the @pytest.mark.browser tests) when they are missing.
# Needs root (or sudo); safe to run repeatedly.
set -euo pipefail

"$(dirname "$0")/apt-install.sh" install-browser "chromium chromedriver" chromium chromium-driver fonts-dejavu-core
echo "install-browser: $(chromium --version 2>/dev/null || echo chromium) ready"
