#!/usr/bin/env bash
# Packs the library and the `payrollrecon` tool into DIR (default pkgs/): PayrollRecon.<version>.nupkg, and for the tool
# the pointer package PayrollRecon.Cli, the NativeAOT package PayrollRecon.Cli.linux-x64 and the framework-dependent
# PayrollRecon.Cli.any that every other platform installs. Then:
#   dotnet tool install PayrollRecon.Cli --tool-path ~/.payrollrecon --add-source pkgs
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkgs}
dotnet pack src/PayrollRecon -c Release -o "$out" -nologo -v q
dotnet pack src/PayrollRecon.Cli -c Release -o "$out" -nologo -v q
dotnet pack src/PayrollRecon.Cli -c Release -r linux-x64 -o "$out" -nologo -v q
dotnet pack src/PayrollRecon.Cli -c Release -r any -o "$out" -nologo -v q
ls -1 "$out"
