#!/bin/sh
# Install the Virtuoso Open Source server (virtuoso-t, isql-vt) that the store tests start.
# Non-interactive and idempotent: returns at once when virtuoso-t is already on PATH.
set -eu

if command -v virtuoso-t >/dev/null 2>&1; then
    echo "virtuoso-t already installed: $(command -v virtuoso-t)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
# The package asks for a dba password through debconf; answer it up front so the install never
# waits for a terminal. The tests start their own server with their own database, so the
# system instance's password does not matter (and its service is not needed).
$SUDO sh -c 'for q in password password-again; do
    echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-$q password dba"
done | debconf-set-selections' 2>/dev/null || true

$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends virtuoso-opensource

command -v virtuoso-t >/dev/null 2>&1 || {
    echo "virtuoso-opensource installed but virtuoso-t is not on PATH" >&2
    exit 1
}
echo "installed: $(command -v virtuoso-t)"
