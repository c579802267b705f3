# Installs docker-registry (CNCF Distribution), skopeo, umoci, openssl, gnupg and tmux when missing.
ensure_tools() {
  local missing=()
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
  command -v umoci >/dev/null 2>&1 || missing+=(umoci)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # gpg: scripts/stage-release makes a throwaway key and verifies the signatures with it.
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  # tmux: the terminal-progress IT runs Maven in a real terminal and reads back its screen.
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} with apt-get ..."
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  # Debian starts the packaged registry as a service on :5000; the tests start their own.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
    $sudo systemctl stop docker-registry || true
  fi
}
