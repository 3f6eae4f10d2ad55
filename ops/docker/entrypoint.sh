#!/bin/sh
# Container entry point. With no arguments (or "serve") it starts the server. In production it runs
# `fitcoach config:check` first, so a weak or missing setting stops the container with a list of
# what to fix. Any other arguments run as a command, such as `fitcoach db:migrate`.
set -eu

if [ "$#" -gt 0 ] && [ "$1" != "serve" ]; then
  exec "$@"
fi

if [ "${NODE_ENV:-}" = "production" ]; then
  if ! node /app/apps/server/bin/fitcoach.mjs config:check; then
    echo "FitCoach did not start: the configuration above is not fit for production." >&2
    exit 78
  fi
fi

exec node --max-semi-space-size=4 /app/apps/server/dist/main.js
