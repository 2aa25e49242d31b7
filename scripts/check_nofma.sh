#!/usr/bin/env bash
# The protocol's arithmetic is rounded after every product (docs/protocol.md
# §6.2: "products rounded, then added, never fused"). Go may fuse x*y + z
# into one FMA instruction on arm64, ppc64le, s390x and riscv64, and on
# amd64 built with GOAMD64=v3 or later, unless the product is converted
# explicitly (float32(x*y)), which the Go spec defines to round. This
# builds the packages whose arithmetic the protocol fixes for arm64 and for
# amd64 v3 and fails on any fused instruction, naming the source line, so a
# product written without its conversion is caught on any machine
# (without cgo: a cross build needs no C toolchain, and the arithmetic is Go).
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=${*:-./model ./sketch ./proofs ./grpo ./score ./challenge ./env/...}
lines() { grep -oE '\([^)]*\.go:[0-9]+\)' | sort -u; }
arm=$(CGO_ENABLED=0 GOARCH=arm64 go build -gcflags=-S $pkgs 2>&1 | grep -E '\s(FMADD|FMSUB|FNMADD|FNMSUB)[SD]\s|\sVFML[AS]\s' | lines || true)
v3=$(CGO_ENABLED=0 GOARCH=amd64 GOAMD64=v3 go build -gcflags=-S $pkgs 2>&1 | grep -E '\sVFN?M(ADD|SUB)[0-9]+[SP][SD]\s' | lines || true)
out=$(printf '%s\n%s\n' "$arm" "$v3" | sed '/^$/d' | sort -u)
if [ -n "$out" ]; then
	echo "fused multiply-add in protocol arithmetic (write the product as float32(a*b) / float64(a*b)):"
	echo "$out"
	exit 1
fi
echo "check_nofma: no fused multiply-add in $pkgs (arm64, amd64 v3)"
