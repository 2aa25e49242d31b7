#!/usr/bin/env bash
# Runs the model package's tests for arm64 (the NEON matrix kernel, the
# protocol's arithmetic without fused multiply-adds, TestForwardBits) on
# this x86 machine under qemu-aarch64, fetched from Debian's
# qemu-user-static into /tmp through a scratch apt configuration (the
# machine's own packages are neither read nor changed).
#   scripts/test_arm64.sh [go test flags, e.g. -test.run MatDot]
set -euo pipefail
cd "$(dirname "$0")/.."
d=/tmp/assay-qemu
q=$d/root/usr/bin/qemu-aarch64-static
if [ ! -x "$q" ]; then
	for t in apt-get dpkg-deb; do command -v $t >/dev/null || { echo "test_arm64: $t not found" >&2; exit 1; }; done
	apt=$(mktemp -d)
	trap 'rm -rf "$apt"' EXIT
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$d"
	echo 'deb http://deb.debian.org/debian bookworm main' >"$apt/sources.list"
	o=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
	   -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Architecture=amd64 -o APT::Sandbox::User=root)
	apt-get "${o[@]}" -qq update
	(cd "$apt" && apt-get "${o[@]}" -qq download qemu-user-static)
	dpkg-deb -x "$apt"/qemu-user-static_*.deb "$d/root"
fi
CGO_ENABLED=0 GOARCH=arm64 go test -c -o "$d/model.test" ./model
cd model && "$q" "$d/model.test" -test.count=1 "$@"
