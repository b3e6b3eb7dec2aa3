#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium (task pane and
# sidebar tests, via playwright-core) and LibreOffice Calc headless (the formula oracle for the
# templates). Called by `npm test`; safe to run again (it does nothing when both are present).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "ensure-system: please install: ${need[*]} (apt-get install -y ${need[*]})" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "ensure-system: installing ${need[*]} (Debian packages; this takes a few minutes once)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
