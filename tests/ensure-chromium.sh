#!/bin/sh
# Runs before `npm test`: the end-to-end tests drive Debian's Chromium (Playwright cannot download its own here).
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null 2>&1; then
	echo "Installing Debian's chromium for the end-to-end tests…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq chromium > /dev/null && exit 0
fi
echo "The end-to-end tests need Chromium: run 'sudo apt-get install -y chromium', or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
