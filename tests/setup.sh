#!/bin/sh
# Prepare a machine to run forcewatch's tests: system tools, a virtual environment, the package.
set -eu
cd "$(dirname "$0")/.."

missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v ssh >/dev/null 2>&1 || missing="$missing openssh-client"
[ -x /usr/sbin/sshd ] || command -v sshd >/dev/null 2>&1 || missing="$missing openssh-server"
command -v ssh-keygen >/dev/null 2>&1 || missing="$missing openssh-client"
if [ -n "$missing" ]; then
    echo "installing system packages:$missing"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $missing >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# A regular install, as users get it, with the parser compiled by mypyc (a minute the first
# time). The tests run against it: run this again after changing the code (a test says so).
.venv/bin/python -m pip install -q '.[dev]'
