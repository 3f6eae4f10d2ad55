#!/bin/sh
# `/mailpit` starts the catcher; `/mailpit readyz` is the health check, as in the Mailpit image.
set -eu
if [ "${1:-}" = "readyz" ]; then
  exec node -e 'fetch("http://127.0.0.1:8025/readyz").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))'
fi
exec node /usr/local/lib/mail-catcher.mjs
