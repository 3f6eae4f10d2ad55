#!/bin/sh
# `fitcoach <command>`: the admin CLI, run with plain node from the built bundle.
exec node /app/apps/server/bin/fitcoach.mjs "$@"
