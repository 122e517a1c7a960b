#!/usr/bin/env bash
# The Debian/Ubuntu packages the live demos and the test suite use (run as root, or through sudo).
# Package post-install scripts must not start etcd/containerd: the demos start them themselves.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# (a temporary policy-rc.d, removed afterwards when we created it)
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get update -q
$SUDO apt-get install -y -q \
  etcd-server etcd-client containerd runc containernetworking-plugins busybox-static golang-cfssl \
  iptables nftables iproute2 procps psmisc openssl asciinema tmux poppler-utils \
  chromium fonts-noto-color-emoji fonts-dejavu-core
