#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so
# keychain tests never touch the developer's own keyring. Needs: dbus, gnome-keyring.
set -euo pipefail

if [ -z "${KIOSK_TEST_IN_KEYRING:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "test: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 1; }
  done
  export KIOSK_TEST_IN_KEYRING=1
  exec dbus-run-session -- bash "$0" "$@"
fi

scratch=$(mktemp -d -t kiosk-keyring-XXXXXX)
trap 'kill "${GNOME_KEYRING_PID:-0}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/run"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/run"
export KIOSK_TEST_SCRATCH="$scratch"
unset DISPLAY WAYLAND_DISPLAY

# A non-empty throwaway password: an empty one would store the keyring unencrypted.
eval "$(printf '%s' "kiosk-test-keyring-$$" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
"$@"
