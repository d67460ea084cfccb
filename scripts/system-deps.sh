#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing.
# Java runs HermiT (ontology consistency). Chromium (+ chromedriver) and the Noto CJK fonts run
# and screenshot the kg viz pages; xmllint validates the GEXF export against its RELAX NG schema;
# npm installs sigma.js and graphology into viz/node_modules (`make viz-deps`). Virtuoso is the
# third-party SPARQL server the remote-store integration test runs against (it starts it itself).
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
