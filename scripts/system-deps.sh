#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing.
# Java runs HermiT (ontology consistency); Virtuoso is the third-party SPARQL server the remote-store
# integration test runs against (tests/test_remote_virtuoso.py starts it on loopback itself).
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
