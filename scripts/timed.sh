#!/usr/bin/env bash
# Runs a command and prints how long it took, as one line CI logs can be searched for:
#   bash scripts/timed.sh <phase> <command…>   →   "time: <phase> 42 s"
# The command's exit status is kept.
phase=$1
shift
start=$(date +%s)
status=0
"$@" || status=$?
echo "time: $phase $(( $(date +%s) - start )) s$([ $status -eq 0 ] || echo " (failed, exit $status)")"
exit $status
