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

# Applies every service's Prisma migrations (tools/db, on the WebAssembly schema engine) and exits:
# docker build --target migrations -t capstone/migrations . ; Compose and Kubernetes run it before the apps.
FROM deps AS migrations
COPY . .
USER 1000:1000
CMD ["node_modules/.bin/tsx", "tools/db/cli.ts", "deploy"]

FROM node AS runtime
ARG APP
ENV NODE_ENV=production
WORKDIR /app
# Nx generated this manifest from what the bundle imports: only those packages are installed.
COPY --from=build /workspace/dist/apps/${APP}/package.json /workspace/dist/apps/${APP}/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /workspace/dist/apps/${APP}/ ./
# Numeric, so Kubernetes can verify runAsNonRoot; uid 1000 is the image's unprivileged node user.
USER 1000:1000
CMD ["node", "main.js"]
