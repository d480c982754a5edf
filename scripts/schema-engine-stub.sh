#!/bin/sh
# Stand-in for Prisma's native schema engine on machines that cannot download
# it. `prisma generate` only checks that it exists; anything that really needs
# the engine is told so.
echo "Prisma's schema engine is not installed here; use npm run db:migrate (see README)." >&2
exit 1
