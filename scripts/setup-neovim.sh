#!/bin/sh
# Installs Debian's neovim (a second, real LSP client for test/lsp/neovim.test.js). Idempotent:
# returns at once when nvim is already on the PATH. Needs root (apt-get) the first time.
set -e
if command -v nvim >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then echo "setup-neovim: nvim missing and not root; run: sudo apt-get install -y neovim" >&2; exit 1; fi
# Wait for another apt/dpkg run to finish instead of failing on its lock.
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null || true
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends neovim >/dev/null
command -v nvim >/dev/null
