#!/usr/bin/env bash
# Installs every Debian package lebenswert needs to build, test and run. Idempotent: packages
# already present are not touched, and nothing is fetched from anywhere but Debian's archive.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev
  libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev liblz4-dev
  libsqlite3-dev sqlite3 libssl-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libtbb-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libglpk-dev libxlsxwriter-dev
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
