# syntax=docker/dockerfile:1
# One recipe for every app: docker build --build-arg APP=auth-service -t capstone/auth-service .

FROM node:20.19.5-bookworm-slim AS node

# The lockfile changes less often than the sources, so installed dependencies stay a cached layer.
FROM node AS deps
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
ARG APP
# A one-shot build has no use for the Nx background daemon.
ENV NX_DAEMON=false
COPY . .
RUN test -n "${APP}" || { echo 'Name the app to build: --build-arg APP=<app>' >&2; exit 1; }
# The command CI runs natively, so the image holds exactly what CI proved.
RUN npx nx run ${APP}:build

# The migrations image's files, assembled by tools/db/image: every service's config, schema and
# migrations, the entrypoint, and a lockfile that installs the Prisma CLI alone at the workspace's versions.
FROM deps AS migrations-build
COPY tools/ tools/
COPY prisma/ prisma/
RUN node_modules/.bin/tsx tools/db/image/cli.ts dist/migrations

# Applies pending Prisma migrations with the standard CLI and exits: every service's by default, or
# those named as arguments (Kubernetes names one per pod). Compose and Kubernetes run it before the apps.
# docker build --target migrations -t capstone/migrations .
FROM node AS migrations
ENV NODE_ENV=production CHECKPOINT_DISABLE=1
WORKDIR /migrations
# The native schema engine links against OpenSSL, which the slim image leaves out.
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl \
  && rm -rf /var/lib/apt/lists/*
COPY --from=migrations-build /workspace/dist/migrations/package.json /workspace/dist/migrations/package-lock.json ./
# The CLI's install script downloads the native schema engine for this platform.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=migrations-build /workspace/dist/migrations/ ./
USER 1000:1000
ENTRYPOINT ["sh", "migrate.sh"]

FROM node AS runtime
ARG APP
ENV NODE_ENV=production
# Memory settings, measured by the benchmarks with the same values (tools/workspace/image-runtime-environment.ts
# says why): a smaller young generation and two malloc arenas keep a service's resident memory down.
ENV NODE_OPTIONS=--max-semi-space-size=4 MALLOC_ARENA_MAX=2
WORKDIR /app
# Nx generated this manifest from what the bundle imports: only those packages are installed.
COPY --from=build /workspace/dist/apps/${APP}/package.json /workspace/dist/apps/${APP}/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /workspace/dist/apps/${APP}/ ./
# Numeric, so Kubernetes can verify runAsNonRoot; uid 1000 is the image's unprivileged node user.
USER 1000:1000
CMD ["node", "main.js"]
