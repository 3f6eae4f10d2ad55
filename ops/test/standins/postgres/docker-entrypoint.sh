#!/bin/sh
# Creates the cluster on first start from POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB, then
# runs the given command (postgres). Local socket connections are trusted and TCP connections need
# the password, which is how the official image sets up pg_hba.conf.
set -eu

: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$POSTGRES_USER" --pwfile="$password_file" --encoding=UTF8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"

  # A socket-only server for the setup, so the health check (TCP) fails until the real start.
  pg_ctl --silent --wait --options="-c listen_addresses=''" start
  if [ "$POSTGRES_DB" != "postgres" ]; then
    createdb --username="$POSTGRES_USER" "$POSTGRES_DB"
  fi
  pg_ctl --silent --wait --mode=fast stop
  echo "Database cluster created for user $POSTGRES_USER with database $POSTGRES_DB."
fi

if [ "$1" = "postgres" ]; then
  shift
  exec postgres -c listen_addresses='*' "$@"
fi
exec "$@"
