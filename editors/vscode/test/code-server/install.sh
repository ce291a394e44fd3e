#!/usr/bin/env bash
# Installs code-server (VS Code's workbench and extension host, from npm) and
# playwright-core for client.test.mjs, on a machine that reaches only the package
# registries (npm, Debian). code-server's install builds VS Code's native modules
# (kerberos, node-pty, native-keymap, @vscode/sqlite3...) with node-gyp against the
# installed Node's headers, and @vscode/ripgrep would download rg from GitHub: it is
# given Debian's rg instead, in the cache folder its install script reads first.
set -euo pipefail
cd "$(dirname "$0")"

need=()
for pkg in build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, which fetches ripgrep v13.0.0-10;
# its install uses a cached archive when there is one (lib/download.js).
tmp=$(node -p 'require("os").tmpdir()')
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
tar -C "$(dirname "$(command -v rg)")" -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg

# Build against the headers of the Node that runs (Debian's or NodeSource's package
# ships them under /usr/include/node), never headers fetched from the network.
node_root=$(dirname "$(dirname "$(command -v node)")")
[ -f "$node_root/include/node/node.h" ] || { echo "no Node.js headers under $node_root/include/node" >&2; exit 1; }
# unsafe_perm: code-server's postinstall refuses to run as root without it; yes: its
# node-pty build runs `npx node-gyp`.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$node_root" \
  npm ci --no-audit --no-fund --loglevel=error
