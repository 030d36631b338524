#!/usr/bin/env bash
# Installs the pinned agent CLIs used by the end-to-end tests into tests/.tools (git-ignored).
# Idempotent: when the pinned versions are already installed and run, it only prints where they are.
# Needs only node and npm. The binaries run offline once installed.
#
# Usage: tests/install-agent-clis.sh          install if needed, then print the paths
#        tests/install-agent-clis.sh --force  reinstall
# Prints, on success, lines "claude=<path>" and "codex=<path>" on stdout (diagnostics go to stderr).
set -euo pipefail

CLAUDE_VERSION="2.1.328"
CODEX_VERSION="0.169.0"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="${AGENTDECK_TOOLS_DIR:-$here/.tools}"
bin="$tools/node_modules/.bin"
force=0
[[ "${1:-}" == "--force" ]] && force=1

fail() { echo "install-agent-clis: $*" >&2; exit 1; }
log() { echo "install-agent-clis: $*" >&2; }

command -v node >/dev/null || fail "node is not on PATH; install Node.js 18+ (with npm) and run again"
command -v npm >/dev/null || fail "npm is not on PATH; install npm and run again"

# Version of an installed package, read from its package.json (no process start, so it is fast).
installed_version() {
  local pkg_json="$tools/node_modules/$1/package.json"
  [[ -f "$pkg_json" ]] || return 0
  node -e 'process.stdout.write(require(process.argv[1]).version || "")' "$pkg_json" 2>/dev/null || true
}

# The CLI runs and reports the pinned version (proves the platform binary is present).
runs_at_version() {
  local exe="$1" want="$2" out
  [[ -x "$exe" ]] || return 1
  out="$(timeout 60 "$exe" --version 2>/dev/null)" || return 1
  [[ "$out" == *"$want"* ]]
}

is_ready() {
  [[ "$(installed_version @anthropic-ai/claude-code)" == "$CLAUDE_VERSION" ]] &&
    [[ "$(installed_version @openai/codex)" == "$CODEX_VERSION" ]] &&
    runs_at_version "$bin/claude" "$CLAUDE_VERSION" &&
    runs_at_version "$bin/codex" "$CODEX_VERSION"
}

if [[ $force == 1 ]] || ! is_ready; then
  log "installing @anthropic-ai/claude-code@$CLAUDE_VERSION and @openai/codex@$CODEX_VERSION into $tools"
  mkdir -p "$tools"
  # A private package.json keeps npm from walking up into another project.
  if [[ ! -f "$tools/package.json" ]]; then
    printf '{\n  "name": "agentdeck-test-tools",\n  "private": true\n}\n' >"$tools/package.json"
  fi
  # --include=optional: both packages ship their native binary as an optional platform dependency.
  # The codex platform package is an npm alias (@openai/codex-linux-x64 -> @openai/codex@<v>-linux-x64).
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error --include=optional --save-exact \
      "@anthropic-ai/claude-code@$CLAUDE_VERSION" "@openai/codex@$CODEX_VERSION" >&2) ||
    fail "npm install failed (see the npm output above); check that the npm registry is reachable"
  runs_at_version "$bin/claude" "$CLAUDE_VERSION" ||
    fail "claude --version did not report $CLAUDE_VERSION after install; the platform package @anthropic-ai/claude-code-$(uname -s | tr A-Z a-z)-* may be missing; rerun with --force"
  runs_at_version "$bin/codex" "$CODEX_VERSION" ||
    fail "codex --version did not report $CODEX_VERSION after install; the platform package @openai/codex-$(uname -s | tr A-Z a-z)-* may be missing; rerun with --force"
  log "installed"
else
  log "already installed (claude $CLAUDE_VERSION, codex $CODEX_VERSION)"
fi

echo "claude=$bin/claude"
echo "codex=$bin/codex"
