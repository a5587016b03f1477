#!/usr/bin/env bash
# Installs the Debian 12 packages CarbonScope needs, only when one is missing. Used by run.sh and test.sh.
#   scripts/install-deps.sh gui     the app: compiler, CMake, Ninja, Qt 6, QCustomPlot, SQLite, JSON, CLI11
#   scripts/install-deps.sh test    the above, plus LibTorch (CPU) for the live-mode engine
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config
          qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libqt6svg6
          libqcustomplot-dev libqcustomplot2.1-qt6
          libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libzstd-dev zlib1g-dev libcurl4-openssl-dev
          libhowardhinnant-date-dev tzdata libtbb-dev
          qt6-qpa-plugins fonts-dejavu-core xvfb xauth)
if [ "${1:-gui}" = test ]; then
    packages+=(libtorch-dev poppler-utils) # pdftotext: the GUI tests read the PDF report's text layer
    # The Debian package and its checks (tests/packaging): cpack's dpkg-shlibdeps, lintian, the validators, man, the
    # shells whose completion is tested, GIO and the MIME database.
    packages+=(dpkg-dev lintian desktop-file-utils appstream man-db groff-base bash-completion zsh
               shared-mime-info libglib2.0-bin)
    packages+=(prometheus) # tests/metrics: a real Prometheus scrapes a live session's /metrics
    packages+=(python3-pandas) # tests/metrics: CodeCarbon's emissions.csv must open in pandas
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi
