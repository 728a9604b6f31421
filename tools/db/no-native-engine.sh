#!/bin/sh
# Stands in for Prisma's native schema engine, which the Prisma CLI wants to download from Prisma's
# own host even for `prisma generate`. Capstone migrates through the WebAssembly engine instead.
echo "Capstone does not use Prisma's native schema engine: use 'npm run db -- deploy|new|check'." >&2
exit 1
