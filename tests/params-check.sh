#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tests/params-check.sh - `make smtsim PARAMS=...` (tb/tb.mk): bad PARAMS stop
# make with a message naming the problem; good ones name the variant.
# Dry runs only (make -n): nothing is built. Exit 1 on the first failure.
set -u
fail=0
expect_error() {   # PARAMS, text the message must contain
  out=$(make -n --no-print-directory smtsim PARAMS="$1" 2>&1) && { echo "params: PARAMS='$1' accepted"; fail=1; return; }
  case "$out" in *"$2"*) echo "params: PARAMS='$1' -> rejected ($2)";;
    *) echo "params: PARAMS='$1': want a message with '$2', got: $out"; fail=1;; esac
}
expect_error "Foo=1" "'Foo' is not a parameter of outrider_soc"
expect_error "TidW=2" "'TidW' is not a parameter"
expect_error "DcacheBytes=16k" "'16k' is not a decimal number"
expect_error "DcacheBytes" "is not NAME=VALUE"
out=$(make -n -B --no-print-directory smtsim PARAMS="DcacheBytes=16384 DcacheWays=4" 2>&1) \
  || { echo "params: a good PARAMS failed: $out"; exit 1; }
case "$out" in *"-GDcacheBytes=16384 -GDcacheWays=4"*"smtsim-p-DcacheBytes16384-DcacheWays4"*)
  echo "params: PARAMS='DcacheBytes=16384 DcacheWays=4' -> build/smtsim-p-DcacheBytes16384-DcacheWays4";;
  *) echo "params: the good PARAMS did not verilate with -G overrides into the named variant"; fail=1;; esac
exit $fail
