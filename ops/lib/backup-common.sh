# shellcheck shell=bash disable=SC2016,SC2034
# SC2016: the single-quoted scripts below expand their variables inside the containers.
# SC2034: LAST_ERROR is read by the EXIT traps of the scripts that source this file.
# Shared by ops/backup.sh and ops/restore.sh (sourced, not run): settings, logging, and database
# and upload access for the two places a FitCoach database can live.
#
#   compose  no DATABASE_URL: PostgreSQL runs as the compose service "db" and the uploaded files sit
#            in the "server" service's data volume. The scripts find both containers with
#            docker-compose once, then run commands in them with docker, so the host needs
#            docker and docker-compose (1.29 or the v2 plugin) and no PostgreSQL client.
#   url      DATABASE_URL is set: any PostgreSQL server, reached with the host's pg_dump, pg_restore
#            and psql (version 15 or newer). Uploaded files are read from UPLOADS_DIR.
#
# Settings come from the environment first, then from the env file (FITCOACH_ENV_FILE, default
# .env.docker in the repository root), which is parsed as KEY=VALUE lines and never executed.

OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_DIR=$(cd "$OPS_DIR/.." && pwd)
ENV_FILE=${FITCOACH_ENV_FILE:-$REPO_DIR/.env.docker}
MANIFEST_FORMAT=1

# Prints a message to stderr and exits; the scripts' EXIT traps clean up and log LAST_ERROR.
function die() {
  LAST_ERROR="$*"
  echo "error: $*" >&2
  exit 1
}

function info() {
  echo "$*" >&2
}

function utc_now() {
  date -u +%Y-%m-%dT%H:%M:%SZ
}

# Prints the value of KEY in the env file, without surrounding quotes; prints nothing if absent.
function env_file_value() {
  local key=$1
  [[ -f "$ENV_FILE" ]] || return 0
  awk -v key="$key" '
    /^[[:space:]]*(#|$)/ { next }
    {
      name = substr($0, 1, index($0, "=") - 1)
      sub(/^[[:space:]]*(export[[:space:]]+)?/, "", name)
      sub(/[[:space:]]+$/, "", name)
      if (name == key) { value = substr($0, index($0, "=") + 1); found = 1 }
    }
    END {
      if (!found) exit
      if (value ~ /^".*"$/ || value ~ /^\x27.*\x27$/) value = substr(value, 2, length(value) - 2)
      print value
    }' "$ENV_FILE"
}

# Sets each named variable from the env file unless the environment already has a value.
function load_setting() {
  local name
  for name in "$@"; do
    if [[ -z "${!name:-}" ]]; then
      printf -v "$name" '%s' "$(env_file_value "$name")"
    fi
  done
}

function load_settings() {
  load_setting BACKUP_DIR BACKUP_RETENTION_DAYS BACKUP_GPG_RECIPIENT BACKUP_GPG_PASSPHRASE_FILE \
    DATABASE_URL UPLOADS_DIR DATA_DIR POSTGRES_DB
  BACKUP_DIR=${BACKUP_DIR:-./backups}
  BACKUP_RETENTION_DAYS=${BACKUP_RETENTION_DAYS:-30}
  [[ "$BACKUP_RETENTION_DAYS" =~ ^[0-9]+$ ]] ||
    die "BACKUP_RETENTION_DAYS must be a whole number of days (0 keeps every backup), got '$BACKUP_RETENTION_DAYS'"
  # Relative paths are taken from the repository root, where the env file and compose files live.
  [[ "$BACKUP_DIR" == /* ]] || BACKUP_DIR="$REPO_DIR/${BACKUP_DIR#./}"

  if [[ -n "${DATABASE_URL:-}" ]]; then
    SOURCE_MODE=url
    local data_dir=${DATA_DIR:-./data}
    [[ "$data_dir" == /* ]] || data_dir="$REPO_DIR/${data_dir#./}"
    UPLOADS_DIR=${UPLOADS_DIR:-$data_dir/uploads}
  else
    SOURCE_MODE=compose
    DATABASE_NAME=${POSTGRES_DB:-fitcoach}
  fi
}

# Checks the tools each mode needs, so a missing one fails before any work starts.
function require_tools() {
  local tool
  for tool in tar gzip sha256sum awk "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required but was not found on PATH"
  done
  if [[ "$SOURCE_MODE" == url ]]; then
    for tool in pg_dump pg_restore psql; do
      command -v "$tool" >/dev/null 2>&1 ||
        die "$tool is required with DATABASE_URL; install the PostgreSQL client (15 or newer)"
    done
  else
    if command -v docker-compose >/dev/null 2>&1; then
      COMPOSE=(docker-compose)
    elif docker compose version >/dev/null 2>&1; then
      COMPOSE=(docker compose)
    else
      die "neither DATABASE_URL nor docker-compose is available; set DATABASE_URL or install docker-compose"
    fi
    if [[ -f "$ENV_FILE" ]]; then COMPOSE+=(--env-file "$ENV_FILE"); fi
    command -v docker >/dev/null 2>&1 || die "docker is required but was not found on PATH"
  fi
}

# Finds the db and server containers of the compose project (compose mode only). The database
# must be running; the server container must exist but may be stopped.
function find_containers() {
  DB_CONTAINER=$(compose ps -q db 2>/dev/null || true)
  SERVER_CONTAINER=$(compose ps -q server 2>/dev/null || true)
  if [[ -z "$DB_CONTAINER" || "$(docker inspect -f '{{.State.Running}}' "$DB_CONTAINER")" != true ]]; then
    die "the compose database is not running; start the stack (docker-compose up -d) or set DATABASE_URL"
  fi
  [[ -n "$SERVER_CONTAINER" ]] || die "the compose stack has no server container; run docker-compose up -d first"
  SERVER_IMAGE_ID=$(docker inspect -f '{{.Image}}' "$SERVER_CONTAINER")
  SERVER_USER=$(docker inspect -f '{{.Config.User}}' "$SERVER_CONTAINER")
  SERVER_DATA_DIR=$(docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$SERVER_CONTAINER" |
    sed -n 's/^DATA_DIR=//p')
  [[ -n "$SERVER_DATA_DIR" ]] || die "the server container has no DATA_DIR setting"
}

# Runs docker-compose from the repository root, where the compose files are.
function compose() {
  (cd "$REPO_DIR" && "${COMPOSE[@]}" "$@")
}

# Moves the password out of DATABASE_URL into a password file, so that it never appears in the
# arguments of pg_dump, pg_restore or psql, which any local user can read with ps.
function prepare_url_connection() {
  local work_dir=$1
  [[ "$DATABASE_URL" =~ ^(postgres(ql)?://)(([^@/?#]*)@)?(.*)$ ]] ||
    die "DATABASE_URL must start with postgres:// or postgresql://"
  local scheme=${BASH_REMATCH[1]} userinfo=${BASH_REMATCH[4]} rest=${BASH_REMATCH[5]}
  local user=${userinfo%%:*}
  DATABASE_NAME=${rest#*/}
  DATABASE_NAME=${DATABASE_NAME%%\?*}
  PG_URL="${scheme}${user:+$user@}$rest"

  if [[ "$userinfo" == *:* ]]; then
    # Percent-decode the password: escape backslashes for printf %b, then turn %XX into \xXX.
    local encoded=${userinfo#*:} password
    password=$(printf '%s' "$encoded" | sed -e 's/\\/\\\\/g' -e 's/%\([0-9A-Fa-f][0-9A-Fa-f]\)/\\x\1/g')
    password=$(printf '%b' "$password")
    password=${password//\\/\\\\}
    password=${password//:/\\:}
    export PGPASSFILE="$work_dir/pgpass"
    (umask 077 && printf '*:*:*:*:%s\n' "$password" >"$PGPASSFILE")
  fi
}

# Writes a custom-format dump of the whole database to stdout.
function dump_database() {
  if [[ "$SOURCE_MODE" == url ]]; then
    pg_dump --format=custom "$PG_URL"
  else
    docker exec -i "$DB_CONTAINER" sh -c \
      'PGPASSWORD="$POSTGRES_PASSWORD" exec pg_dump --format=custom -U "$POSTGRES_USER" -d "$POSTGRES_DB"'
  fi
}

# Runs pg_restore with the given arguments on a dump read from stdin. In compose mode this is the
# database container's pg_restore, which always matches the server version.
function run_pg_restore() {
  if [[ "$SOURCE_MODE" == url ]]; then
    pg_restore "$@"
  else
    docker exec -i "$DB_CONTAINER" pg_restore "$@"
  fi
}

# Runs psql on the FitCoach database with the SQL script read from stdin; stops at the first error.
function run_psql() {
  if [[ "$SOURCE_MODE" == url ]]; then
    psql -X -q -v ON_ERROR_STOP=1 "$@" "$PG_URL"
  else
    docker exec -i "$DB_CONTAINER" sh -c \
      'PGPASSWORD="$POSTGRES_PASSWORD" exec psql -X -q -v ON_ERROR_STOP=1 "$@" -U "$POSTGRES_USER" -d "$POSTGRES_DB"' \
      psql "$@"
  fi
}

# Runs a shell script as the server's user, with the server's volumes and no network. It starts a
# one-off container from the server's image, so it works whether or not the server is running.
function run_in_server_container() {
  local user_option=()
  if [[ -n "$SERVER_USER" ]]; then user_option=(--user "$SERVER_USER"); fi
  docker run --rm -i --network none "${user_option[@]}" --volumes-from "$SERVER_CONTAINER" \
    --env DATA_DIR="$SERVER_DATA_DIR" --entrypoint sh "$SERVER_IMAGE_ID" -c "$1"
}

# Writes a tar of the uploaded files to stdout; every entry starts with "uploads/".
function archive_uploads() {
  if [[ "$SOURCE_MODE" == url ]]; then
    if [[ -d "$UPLOADS_DIR" ]]; then
      tar -C "$UPLOADS_DIR" --transform 's|^\.|uploads|' -cf - .
    else
      tar -cf - -T /dev/null
    fi
  else
    run_in_server_container \
      'cd "$DATA_DIR" && if [ -d uploads ]; then exec tar -cf - uploads; else exec tar -cf - -T /dev/null; fi'
  fi
}

# Replaces the uploaded files with the tar on stdin. The new tree is unpacked next to the old one
# first, so a failed unpack leaves the current files in place.
function replace_uploads() {
  local script='set -e
    rm -rf "$TARGET.restoring"
    mkdir -p "$TARGET.restoring"
    tar -xf - -C "$TARGET.restoring" --no-same-owner --no-same-permissions
    rm -rf "$TARGET"
    if [ -d "$TARGET.restoring/uploads" ]; then
      mv "$TARGET.restoring/uploads" "$TARGET"
    else
      mkdir "$TARGET"
    fi
    rm -rf "$TARGET.restoring"'
  if [[ "$SOURCE_MODE" == url ]]; then
    mkdir -p "$(dirname "$UPLOADS_DIR")"
    TARGET=$UPLOADS_DIR sh -c "$script"
  else
    run_in_server_container "TARGET=\"\$DATA_DIR/uploads\"; $script"
  fi
}

# Prints "schema.table rows" for every table in a plain-SQL restore script on stdin. COPY text
# format writes one line per row (newlines inside values are escaped), so the counts are exact
# and come from the same snapshot as the dump. Table names are assumed to contain no spaces.
function count_rows_in_sql() {
  awk '
    copying && $0 == "\\." { print table, rows; copying = 0; next }
    copying { rows++; next }
    /^COPY .* FROM stdin;$/ { table = $2; rows = 0; copying = 1 }'
}

# Checks an unpacked backup folder: the manifest format, every checksum and the dump's table of
# contents. Exits with a message on the first problem.
function verify_backup_folder() {
  local folder=$1
  [[ -f "$folder/manifest.txt" ]] || die "the backup has no manifest.txt"
  local format
  format=$(awk '$1 == "format" { print $2 }' "$folder/manifest.txt")
  [[ "$format" == "$MANIFEST_FORMAT" ]] ||
    die "the backup's manifest format is '$format'; this script reads format $MANIFEST_FORMAT"
  awk '$1 == "sha256" { print $2 "  " $3 }' "$folder/manifest.txt" >"$folder/.checksums"
  local file
  for file in database.dump uploads.tar; do
    grep -q "  $file\$" "$folder/.checksums" || die "the backup's manifest has no checksum for $file"
  done
  (cd "$folder" && sha256sum --check --quiet --strict .checksums) >&2 ||
    die "a checksum in the backup does not match; the backup is damaged"
  rm -f "$folder/.checksums"
  run_pg_restore --list <"$folder/database.dump" >/dev/null ||
    die "pg_restore cannot read the dump in the backup"
}

# Appends one line to BACKUP_DIR/backup.log.
function write_log() {
  (umask 077 && printf '%s %s\n' "$(utc_now)" "$*" >>"$BACKUP_DIR/backup.log") || true
}

# Fails with a clear message when the database cannot be reached, before any other step.
function check_database_connection() {
  if ! run_psql -At <<<"SELECT 1;" >/dev/null; then
    if [[ "$SOURCE_MODE" == url ]]; then
      die "cannot connect to the database in DATABASE_URL"
    fi
    die "cannot reach the compose database; check it with: docker-compose ps db"
  fi
}
