#!/usr/bin/env bash
# Backs up FitCoach into one archive, BACKUP_DIR/fitcoach-<UTC time>.tar.gz (.tar.gz.gpg when
# encrypted), containing a custom-format pg_dump, the uploaded files and a manifest with the row count
# of every table and the checksum of every file. The archive is written with mode 600 and read back
# before the run counts as done; then backups older than the retention are deleted.
#
#   ops/backup.sh                               the compose database and data volume
#   DATABASE_URL=postgres://… ops/backup.sh     any PostgreSQL; files from UPLOADS_DIR
#
# Settings, from the environment or .env.docker (see ops/lib/backup-common.sh):
#   BACKUP_DIR             where archives and backup.log go (default ./backups)
#   BACKUP_RETENTION_DAYS  delete archives older than this many days; 0 keeps all (default 30)
#   BACKUP_GPG_RECIPIENT   encrypt every archive to this GPG key (public key in the keyring)
#   BACKUP_LABEL           optional suffix of the file name, letters, digits and dashes only
#   BACKUP_SKIP_ROTATION   set to 1 to keep every old archive on this run
# Exits non-zero with a message, and a "failed" line in backup.log, when any step fails.
set -Eeuo pipefail

# shellcheck source=lib/backup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/backup-common.sh"

umask 077
STARTED_AT=$(date +%s)
STAGING_DIR=""
ARCHIVE_PATH=""

function on_exit() {
  local status=$?
  if [[ -n "$STAGING_DIR" ]]; then rm -rf "$STAGING_DIR"; fi
  if [[ $status -ne 0 ]]; then
    if [[ -n "$ARCHIVE_PATH" ]]; then rm -f "$ARCHIVE_PATH"; fi
    if [[ -d "${BACKUP_DIR:-}" ]]; then write_log "backup failed: ${LAST_ERROR:-exit status $status}"; fi
    echo "Backup failed; no archive was kept from this run." >&2
  fi
}
trap on_exit EXIT

function choose_archive_name() {
  local label=${BACKUP_LABEL:-} stamp name
  [[ -z "$label" || "$label" =~ ^[A-Za-z0-9-]+$ ]] ||
    die "BACKUP_LABEL may contain letters, digits and dashes only, got '$label'"
  while :; do
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    name="fitcoach-$stamp${label:+-$label}"
    if ! compgen -G "$BACKUP_DIR/$name.tar.gz*" >/dev/null; then break; fi
    sleep 1
  done
  ARCHIVE_NAME=$name
}

# Dumps the database and the uploaded files into STAGING_DIR/<name>/ and writes the manifest.
function collect() {
  local folder="$STAGING_DIR/$ARCHIVE_NAME"
  mkdir "$folder"

  info "Dumping database $DATABASE_NAME ($SOURCE_MODE)…"
  dump_database >"$folder/database.dump" || die "pg_dump failed"
  run_pg_restore --list <"$folder/database.dump" >"$STAGING_DIR/toc.txt" ||
    die "pg_restore cannot read the new dump"
  run_pg_restore --data-only --file=- <"$folder/database.dump" | count_rows_in_sql \
    >"$STAGING_DIR/rows.txt" || die "reading the table data back from the dump failed"

  info "Archiving uploaded files…"
  archive_uploads >"$folder/uploads.tar" || die "archiving the uploaded files failed"
  UPLOAD_COUNT=$(tar -tf "$folder/uploads.tar" | grep -cv '/$' || true)

  TABLE_COUNT=$(wc -l <"$STAGING_DIR/rows.txt")
  ROW_TOTAL=$(awk '{ total += $2 } END { print total + 0 }' "$STAGING_DIR/rows.txt")
  local server_version
  server_version=$(sed -n 's/^;[[:space:]]*Dumped from database version: //p' "$STAGING_DIR/toc.txt")
  {
    echo "# FitCoach backup manifest. Restore with: ops/restore.sh FILE"
    echo "format $MANIFEST_FORMAT"
    echo "created $(utc_now)"
    echo "database $DATABASE_NAME"
    echo "postgres ${server_version%% *}"
    awk '{ print "rows " $1 " " $2 }' "$STAGING_DIR/rows.txt"
    echo "files uploads $UPLOAD_COUNT"
    (cd "$folder" && sha256sum database.dump uploads.tar) | awk '{ print "sha256 " $1 " " $2 }'
  } >"$folder/manifest.txt"
}

# Packs (and encrypts) the staging folder into BACKUP_DIR. The archive appears under its final
# name only once complete, so a crash never leaves a half-written file that looks like a backup.
function pack() {
  local partial="$STAGING_DIR/archive.tar.gz"
  tar -C "$STAGING_DIR" -czf "$partial" "$ARCHIVE_NAME"
  ARCHIVE_FILE="$ARCHIVE_NAME.tar.gz"

  if [[ -n "${BACKUP_GPG_RECIPIENT:-}" ]]; then
    gpg --batch --yes --quiet --trust-model always --recipient "$BACKUP_GPG_RECIPIENT" \
      --output "$partial.gpg" --encrypt "$partial" || die "GPG encryption failed"
    rm -f "$partial"
    partial="$partial.gpg"
    ARCHIVE_FILE="$ARCHIVE_FILE.gpg"
  fi

  WRITTEN_SHA256=$(sha256sum "$partial" | awk '{ print $1 }')
  ARCHIVE_PATH="$BACKUP_DIR/$ARCHIVE_FILE"
  mv "$partial" "$ARCHIVE_PATH"
  chmod 600 "$ARCHIVE_PATH"
  sync "$ARCHIVE_PATH" 2>/dev/null || true
}

# Reads the archive back from disk: its checksum must match what was written and, when this host
# can decrypt it, the dump inside must match the manifest and be readable by pg_restore.
function verify_written_archive() {
  local read_sha256
  read_sha256=$(sha256sum "$ARCHIVE_PATH" | awk '{ print $1 }')
  [[ "$read_sha256" == "$WRITTEN_SHA256" ]] || die "$ARCHIVE_PATH reads back differently than written"

  local check_dir="$STAGING_DIR/check"
  mkdir "$check_dir"
  if [[ "$ARCHIVE_FILE" == *.gpg ]]; then
    if ! gpg --batch --list-secret-keys "$BACKUP_GPG_RECIPIENT" >/dev/null 2>&1; then
      info "The secret key is not on this host, so the encrypted archive was checked by checksum only."
      return 0
    fi
    gpg --batch --quiet --decrypt "$ARCHIVE_PATH" | tar -xzf - -C "$check_dir" ||
      die "the encrypted archive cannot be decrypted and unpacked"
  else
    tar -xzf "$ARCHIVE_PATH" -C "$check_dir" || die "the archive cannot be unpacked"
  fi
  verify_backup_folder "$check_dir/$ARCHIVE_NAME"
}

# Deletes archives older than the retention, never the one just written. Only files named like
# backups are considered, so other files in BACKUP_DIR are safe.
function rotate() {
  DELETED_COUNT=0
  if [[ "$BACKUP_RETENTION_DAYS" -eq 0 || "${BACKUP_SKIP_ROTATION:-0}" == 1 ]]; then return 0; fi
  local old
  while IFS= read -r -d '' old; do
    [[ "$old" == "$ARCHIVE_PATH" ]] && continue
    rm -f -- "$old"
    DELETED_COUNT=$((DELETED_COUNT + 1))
    info "Deleted $(basename "$old") (older than $BACKUP_RETENTION_DAYS days)."
  done < <(find "$BACKUP_DIR" -maxdepth 1 -type f \
    \( -name 'fitcoach-*.tar.gz' -o -name 'fitcoach-*.tar.gz.gpg' \) \
    -mmin "+$((BACKUP_RETENTION_DAYS * 24 * 60))" -print0)
}

function main() {
  [[ $# -eq 0 ]] || die "ops/backup.sh takes no arguments; configure it with environment variables"
  load_settings
  if [[ -n "${BACKUP_GPG_RECIPIENT:-}" ]]; then
    require_tools gpg
    gpg --batch --list-keys "$BACKUP_GPG_RECIPIENT" >/dev/null 2>&1 ||
      die "no GPG public key for BACKUP_GPG_RECIPIENT=$BACKUP_GPG_RECIPIENT; import it with gpg --import"
  else
    require_tools
  fi
  mkdir -p "$BACKUP_DIR"
  chmod 700 "$BACKUP_DIR"

  # One run at a time per BACKUP_DIR, so a manual run and the timer cannot interleave.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$BACKUP_DIR/.backup.lock"
    flock --nonblock 9 || die "another backup is running in $BACKUP_DIR"
  fi

  STAGING_DIR=$(mktemp -d "$BACKUP_DIR/.staging.XXXXXX")
  if [[ "$SOURCE_MODE" == url ]]; then prepare_url_connection "$STAGING_DIR"; else find_containers; fi
  check_database_connection
  choose_archive_name
  collect
  pack
  verify_written_archive
  rotate

  local seconds=$(($(date +%s) - STARTED_AT))
  local size
  size=$(stat -c %s "$ARCHIVE_PATH")
  write_log "backup ok $ARCHIVE_FILE bytes=$size tables=$TABLE_COUNT rows=$ROW_TOTAL files=$UPLOAD_COUNT deleted=$DELETED_COUNT seconds=$seconds"
  echo "Backup written: $ARCHIVE_PATH ($size bytes; $TABLE_COUNT tables, $ROW_TOTAL rows, $UPLOAD_COUNT files; ${seconds}s)"
}

main "$@"
