#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium and CJK fonts (browser journeys),
# LibreOffice Writer without its GUI (the 述职报告's PDF export, whose test then converts a real document) and
# LibreOffice Calc without its GUI (its filters read .xls: an uploaded .xls roster is converted to .xlsx).
# Runs as root without a prompt (CI and developer machines here); elsewhere it says what to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
# Noto CJK stops at the basic plane; names may hold rarer ideographs (生僻字, CJK Ext. B and on), which the
# browser then draws from Hanazono (as Windows draws them from SimSun-ExtB) instead of as boxes.
fc-list 2>/dev/null | grep -qi 'HanaMinB' || missing+=(fonts-hanazono)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libscfiltlo.so ] || missing+=(libreoffice-calc-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install: ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "Installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# LibreOffice without its recommendations (no Java, no GUI toolkits); the browser packages as they come.
office=() browser=()
for p in "${missing[@]}"; do [[ $p == libreoffice-* ]] && office+=("$p") || browser+=("$p"); done
[ ${#browser[@]} -eq 0 ] || apt-get install -y -qq "${browser[@]}" >/dev/null
[ ${#office[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${office[@]}" >/dev/null
