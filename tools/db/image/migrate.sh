#!/bin/sh
# The migrations image's entrypoint: `prisma migrate deploy` for each service database named, or
# for every one the image holds. DATABASE_URL names the server; each database takes its path.
set -eu
cd "$(dirname "$0")"
if [ "$#" -eq 0 ]; then set -- $(ls prisma); fi
address="${DATABASE_URL%%\?*}"
options="${DATABASE_URL#"$address"}"
for database in "$@"; do
  echo "migrating ${database}"
  DATABASE_URL="${address%/*}/${database}${options}" \
    node_modules/.bin/prisma migrate deploy --config "prisma/${database}/prisma.config.ts"
done
