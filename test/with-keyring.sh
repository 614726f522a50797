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
pid=""
# A test that stops the daemon on purpose must never leave it stopped.
trap '[ -n "$pid" ] && kill -CONT "$pid" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/run" "$scratch/tmp"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/run"
# Everything the tests write to a temp folder goes away with the scratch folder.
export TMPDIR="$scratch/tmp"
export KIOSK_TEST_SCRATCH="$scratch"
# The keyring must never pop up a prompt on the developer's screen: no display for it or for
# the tests. The Electron suite, which needs one, finds the original in KIOSK_TEST_DISPLAY.
export KIOSK_TEST_DISPLAY="${DISPLAY:-}" KIOSK_TEST_WAYLAND_DISPLAY="${WAYLAND_DISPLAY:-}"
unset DISPLAY WAYLAND_DISPLAY

# A non-empty throwaway password: an empty one would store the keyring unencrypted.
printf '%s' "kiosk-test-keyring-$$" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1

# Wait until the Secret Service owns its bus name; tests that stop the daemon need its pid.
# The daemon exits by itself when this D-Bus session ends.
for _ in $(seq 1 50); do
  pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
    awk '/uint32/ {print $2}') || true
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "test: gnome-keyring did not start on the private D-Bus session" >&2; exit 1; }
export KIOSK_TEST_KEYRING_PID="$pid"
"$@"
