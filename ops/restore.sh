#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh, replacing the database and the uploaded files.
#
#   ops/restore.sh [--force] FILE
#
# Steps, in order:
#   1. check the archive (checksums, pg_restore --list) before touching anything
#   2. make a safety backup of the current state (fitcoach-<time>-pre-restore.tar.gz)
#   3. prompt for confirmation unless --force
#   4. stop the compose server and end every other connection to the database
#   5. replace the database in one transaction that also compares each table's row count with the
#      manifest, so any failure rolls back and leaves the old data in place
#   6. replace the uploaded files, run the migrations and start the server again
# Settings are those of ops/backup.sh. With DATABASE_URL, the migrations run through FITCOACH_CLI
# (default: node apps/server/bin/fitcoach.mjs).
set -Eeuo pipefail

# shellcheck source=lib/backup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/backup-common.sh"

umask 077
FORCE=0
BACKUP_FILE=""
STAGING_DIR=""
SAFETY_BACKUP=""
SERVER_STOPPED=0
DATABASE_REPLACED=0
HEALTH_TIMEOUT_SECONDS=${RESTORE_HEALTH_TIMEOUT_SECONDS:-180}

function usage() {
  echo "Usage: ops/restore.sh [--force] FILE"
  echo "Replaces the FitCoach database and uploaded files with the backup FILE."
  echo "  --force  do not ask for confirmation (for scripts and drills)"
}

function on_exit() {
  local status=$?
  if [[ -z "$STAGING_DIR" ]]; then return 0; fi
  if [[ $SERVER_STOPPED -eq 1 ]]; then
    info "Starting the server again…"
    docker start "$SERVER_CONTAINER" >/dev/null || info "Could not start the server; run: docker-compose start server"
  fi
  if [[ -n "$STAGING_DIR" ]]; then rm -rf "$STAGING_DIR"; fi
  if [[ $status -ne 0 ]]; then
    if [[ -d "${BACKUP_DIR:-}" ]]; then
      write_log "restore failed ${BACKUP_FILE##*/}: ${LAST_ERROR:-exit status $status}"
    fi
    if [[ $DATABASE_REPLACED -eq 0 ]]; then
      echo "Restore failed; the database was not changed." >&2
    else
      echo "Restore failed after the database was replaced. The state before the restore is in $SAFETY_BACKUP." >&2
    fi
  fi
}
trap on_exit EXIT

function parse_arguments() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --force) FORCE=1 ;;
      -h | --help)
        usage
        exit 0
        ;;
      -*) die "unknown option $1 (see --help)" ;;
      *)
        [[ -z "$BACKUP_FILE" ]] || die "give exactly one backup file"
        BACKUP_FILE=$1
        ;;
    esac
    shift
  done
  if [[ -z "$BACKUP_FILE" ]]; then
    usage >&2
    exit 2
  fi
  [[ -f "$BACKUP_FILE" ]] || die "backup file not found: $BACKUP_FILE"
  BACKUP_FILE=$(realpath "$BACKUP_FILE")
}

# Decrypts and unpacks the archive into STAGING_DIR and checks it; sets BACKUP_FOLDER.
function unpack_and_verify() {
  local archive=$BACKUP_FILE
  if [[ "$archive" == *.gpg ]]; then
    local passphrase=()
    if [[ -n "${BACKUP_GPG_PASSPHRASE_FILE:-}" ]]; then
      passphrase=(--pinentry-mode loopback --passphrase-file "$BACKUP_GPG_PASSPHRASE_FILE")
    fi
    gpg --batch --quiet "${passphrase[@]}" --output "$STAGING_DIR/archive.tar.gz" \
      --decrypt "$archive" || die "cannot decrypt $archive; is its secret key in this host's keyring?"
    archive="$STAGING_DIR/archive.tar.gz"
  fi

  tar -tzf "$archive" >"$STAGING_DIR/entries.txt" 2>/dev/null ||
    die "the archive is damaged: it cannot be listed"
  local top
  top=$(head -n 1 "$STAGING_DIR/entries.txt")
  top=${top%%/*}
  [[ "$top" =~ ^fitcoach-[A-Za-z0-9-]+$ ]] || die "the archive does not look like a FitCoach backup"
  if grep -v -E "^$top(/|/(manifest\.txt|database\.dump|uploads\.tar))?$" "$STAGING_DIR/entries.txt" >/dev/null; then
    die "the archive contains unexpected entries, so ops/backup.sh did not make it"
  fi

  tar -xzf "$archive" -C "$STAGING_DIR" --no-same-owner || die "the archive is damaged: it cannot be unpacked"
  rm -f "$STAGING_DIR/archive.tar.gz"
  BACKUP_FOLDER="$STAGING_DIR/$top"
  verify_backup_folder "$BACKUP_FOLDER"

  # The files are unpacked into the data folder, so every entry must stay inside uploads/.
  if tar -tf "$BACKUP_FOLDER/uploads.tar" | grep -v -E '^uploads(/|$)' | grep -q .; then
    die "the uploads in the backup contain paths outside uploads/"
  fi
  if tar -tf "$BACKUP_FOLDER/uploads.tar" | grep -q -E '(^|/)\.\.(/|$)'; then
    die "the uploads in the backup contain '..' paths"
  fi
}

function manifest_value() {
  awk -v key="$1" '$1 == key { print $2; exit }' "$BACKUP_FOLDER/manifest.txt"
}

function describe_backup() {
  MANIFEST_TABLES=$(awk '$1 == "rows"' "$BACKUP_FOLDER/manifest.txt" | wc -l)
  MANIFEST_ROWS=$(awk '$1 == "rows" { total += $3 } END { print total + 0 }' "$BACKUP_FOLDER/manifest.txt")
  MANIFEST_FILES=$(awk '$1 == "files" && $2 == "uploads" { print $3 }' "$BACKUP_FOLDER/manifest.txt")
  info "Backup $(basename "$BACKUP_FILE")"
  info "  created   $(manifest_value created)"
  info "  database  $(manifest_value database), PostgreSQL $(manifest_value postgres)"
  info "  contents  $MANIFEST_TABLES tables, $MANIFEST_ROWS rows, ${MANIFEST_FILES:-0} uploaded files"
}

function confirm() {
  if [[ $FORCE -eq 1 ]]; then return 0; fi
  if ! (exec </dev/tty) 2>/dev/null; then
    die "cannot ask for confirmation without a terminal; re-run with --force"
  fi
  local answer
  printf 'This replaces database "%s" and all uploaded files with the backup above.\n' "$DATABASE_NAME" >/dev/tty
  printf 'A safety backup of the current state is made first. Type "restore" to continue: ' >/dev/tty
  read -r answer </dev/tty || answer=""
  [[ "$answer" == "restore" ]] || die "cancelled; nothing was changed"
}

function make_safety_backup() {
  info "Making a safety backup of the current state…"
  local output
  output=$(BACKUP_LABEL=pre-restore BACKUP_SKIP_ROTATION=1 "$OPS_DIR/backup.sh") ||
    die "the safety backup failed, so nothing was restored"
  SAFETY_BACKUP=$(sed -n 's/^Backup written: \(.*\) (.*$/\1/p' <<<"$output")
  info "Safety backup: $SAFETY_BACKUP"
}

function stop_server() {
  if [[ "$SOURCE_MODE" != compose ]]; then
    info "NOTE: stop every FitCoach server that uses this database before restoring; its connections are ended now."
    return 0
  fi
  if [[ "$(docker inspect -f '{{.State.Running}}' "$SERVER_CONTAINER")" == true ]]; then
    info "Stopping the server…"
    SERVER_STOPPED=1
    docker stop "$SERVER_CONTAINER" >/dev/null || die "could not stop the server"
  fi
}

function end_other_connections() {
  local ended
  ended=$(run_psql -At <<<"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();") ||
    die "could not end the other connections to the database"
  info "Ended $ended other connection(s) to the database."
}

# Writes the single-transaction restore script: drop every schema, replay the dump, then compare
# each table's row count with the manifest, raising an error (and so rolling back) on a mismatch.
function write_restore_script() {
  local script="$STAGING_DIR/restore.sql"
  {
    cat <<'SQL'
BEGIN;
SET LOCAL client_min_messages = warning;
DO $drop$
DECLARE
  schema_name text;
BEGIN
  FOR schema_name IN
    SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', schema_name);
  END LOOP;
END
$drop$;
CREATE SCHEMA public;
ALTER SCHEMA public OWNER TO pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
SQL
    run_pg_restore --no-owner --file=- <"$BACKUP_FOLDER/database.dump" ||
      die "pg_restore could not read the dump"
    # shellcheck disable=SC2016 # a PL/pgSQL dollar quote, not a shell variable
    echo 'DO $verify$'
    echo 'DECLARE actual bigint;'
    echo 'BEGIN'
    local table rows
    while read -r table rows; do
      [[ "$table" =~ ^[A-Za-z0-9_.\"]+$ && "$rows" =~ ^[0-9]+$ ]] ||
        die "the manifest has an invalid rows line: $table $rows"
      echo "  SELECT count(*) INTO actual FROM $table;"
      echo "  IF actual <> $rows THEN RAISE EXCEPTION 'restored table $table has % rows, the manifest says $rows', actual; END IF;"
    done < <(awk '$1 == "rows" { print $2, $3 }' "$BACKUP_FOLDER/manifest.txt")
    echo '  NULL;'
    echo 'END'
    # shellcheck disable=SC2016
    echo '$verify$;'
    echo 'COMMIT;'
  } >"$script"
  RESTORE_SCRIPT=$script
}

function restore_database() {
  info "Restoring the database in one transaction…"
  # The dump's own SELECT statements print result rows; only errors (stderr) matter here.
  run_psql <"$RESTORE_SCRIPT" >/dev/null || die "the database restore failed and was rolled back"
  DATABASE_REPLACED=1
  info "Database restored; all $MANIFEST_TABLES tables have the row counts in the manifest."
}

function restore_uploads() {
  info "Restoring ${MANIFEST_FILES:-0} uploaded files…"
  replace_uploads <"$BACKUP_FOLDER/uploads.tar" || die "restoring the uploaded files failed"
}

function check_migration_command() {
  if [[ "$SOURCE_MODE" == compose ]]; then return 0; fi
  if [[ -z "${FITCOACH_CLI:-}" && ! -f "$REPO_DIR/apps/server/dist/cli.js" ]]; then
    die "the server is not built, so migrations cannot run; run npm run build or set FITCOACH_CLI"
  fi
}

function run_migrations() {
  info "Running the database migrations…"
  if [[ "$SOURCE_MODE" == compose ]]; then
    compose run --rm --no-deps -T server fitcoach db:migrate || die "the migrations failed"
  else
    local cli
    read -r -a cli <<<"${FITCOACH_CLI:-node $REPO_DIR/apps/server/bin/fitcoach.mjs}"
    DATABASE_URL=$DATABASE_URL "${cli[@]}" db:migrate || die "the migrations failed"
  fi
}

function start_server() {
  if [[ $SERVER_STOPPED -eq 0 ]]; then return 0; fi
  info "Starting the server…"
  docker start "$SERVER_CONTAINER" >/dev/null || die "could not start the server"
  SERVER_STOPPED=0

  local deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS)) health=""
  while ((SECONDS < deadline)); do
    health=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$SERVER_CONTAINER")
    if [[ "$health" == healthy || "$health" == none ]]; then return 0; fi
    sleep 2
  done
  die "the server did not become healthy within ${HEALTH_TIMEOUT_SECONDS}s (status: $health)"
}

function main() {
  parse_arguments "$@"
  load_settings
  local extra_tools=()
  if [[ "$BACKUP_FILE" == *.gpg ]]; then extra_tools=(gpg); fi
  require_tools "${extra_tools[@]}"
  mkdir -p "$BACKUP_DIR"
  STAGING_DIR=$(mktemp -d "$BACKUP_DIR/.restore.XXXXXX")
  if [[ "$SOURCE_MODE" == url ]]; then prepare_url_connection "$STAGING_DIR"; else find_containers; fi
  check_database_connection
  check_migration_command

  unpack_and_verify
  describe_backup
  write_restore_script
  confirm
  make_safety_backup
  stop_server
  end_other_connections
  restore_database
  restore_uploads
  run_migrations
  start_server

  write_log "restore ok ${BACKUP_FILE##*/} tables=$MANIFEST_TABLES rows=$MANIFEST_ROWS files=${MANIFEST_FILES:-0} safety=${SAFETY_BACKUP##*/}"
  echo "Restored $(basename "$BACKUP_FILE"): $MANIFEST_TABLES tables, $MANIFEST_ROWS rows, ${MANIFEST_FILES:-0} uploaded files. Safety backup: $SAFETY_BACKUP"
}

main "$@"
