# Shared set-up for scripts/demo.sh and scripts/test.sh: installs what is missing, nothing more.
# Sourced, not executed.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ensure_apt PKG...: installs Debian packages that are not installed yet (needs root or sudo).
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt-get)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_toolchain() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.1 or newer) is not on PATH; install it from swift.org first" >&2
    exit 1
  fi
  ensure_apt ca-certificates pkg-config libzstd-dev zlib1g-dev
}

# ensure_python: a python3 that can create venvs.
ensure_python() {
  command -v python3 >/dev/null 2>&1 || ensure_apt python3
  python3 -c "import venv, ensurepip" >/dev/null 2>&1 || ensure_apt python3-venv
}

# ensure_venv DIR PKG...: a Python venv for interop checks with the given PyPI packages.
ensure_venv() {
  local dir="$1"
  shift
  if [ ! -x "$dir/bin/python" ]; then
    say "creating Python venv $dir"
    python3 -m venv "$dir"
  fi
  if ! "$dir/bin/python" -c "import sys; sys.exit(0)" 2>/dev/null; then
    rm -rf "$dir"
    python3 -m venv "$dir"
  fi
  local stamp="$dir/.installed-$(echo "$*" | md5sum | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    say "installing $* into $dir"
    "$dir/bin/pip" install -q --disable-pip-version-check "$@"
    touch "$stamp"
  fi
}
