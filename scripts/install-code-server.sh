#!/usr/bin/env bash
# Installs code-server (which embeds the real VS Code) into a cache folder outside the
# clone, keyed by version. Its own postinstall downloads ripgrep from GitHub, which these
# machines cannot reach, so scripts are off and the postinstall steps are done here by hand.
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="${IDLOG_CACHE_DIR:-$HOME/.cache/identity-log-explorer}/code-server-$VERSION"
BIN="$ROOT/node_modules/code-server/out/node/entry.js"
DONE="$ROOT/.installed"

if [ -f "$DONE" ] && [ -f "$BIN" ]; then
  echo "code-server $VERSION already installed at $ROOT"
  exit 0
fi

# Debian packages its native modules build against, and ripgrep (its postinstall would download one).
PKGS="libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config ripgrep"
missing=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: $missing"
  $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing \
    || { echo "Could not install: $missing (run: apt-get install -y $missing)" >&2; exit 1; }
fi
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false

mkdir -p "$ROOT"
cd "$ROOT"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
echo "Installing code-server $VERSION into $ROOT"
npm install --no-save --ignore-scripts "code-server@$VERSION"

CS="$ROOT/node_modules/code-server"
VS="$CS/lib/vscode"
( cd "$VS" && npm install --omit=dev --ignore-scripts )
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
( cd "$VS" && npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty )
ln -sfn node_modules "$VS/node_modules.asar"
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"
( cd "$VS/extensions" && npm install --omit=dev )
( cd "$ROOT" && npm rebuild argon2 )
touch "$DONE"
echo "code-server $VERSION installed at $ROOT"
