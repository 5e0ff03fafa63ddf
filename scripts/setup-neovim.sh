#!/bin/sh
# Installs Debian's neovim (a second, real LSP client for test/lsp/neovim.test.js). Idempotent:
# returns at once when nvim is already on the PATH. Needs root, or passwordless sudo (CI
# runners), the first time.
set -e
if command -v nvim >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
else echo "setup-neovim: nvim is missing and apt-get needs root; run: sudo apt-get install -y neovim" >&2; exit 1; fi
# -o DPkg::Lock::Timeout waits for another apt/dpkg run instead of failing on its lock.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null || true
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends neovim >/dev/null
command -v nvim >/dev/null
