# syntax=docker/dockerfile:1
# One image for every service (api, worker, web); compose.yaml picks the root script to run.
# Build:  docker build -t codecred-lms .

# ---- build: full install, pnpm build, then production-only deploy folders ------------------
FROM node:20.19-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@12.4.2
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm build \
 && pnpm --filter @lms/api --prod deploy /out/api \
 && pnpm --filter @lms/worker --prod deploy /out/worker \
 && pnpm --filter @lms/web --prod deploy /out/web \
 && pnpm --filter @lms/mail --prod deploy /out/mail \
 && cp -r api/dist /out/api/dist \
 && cp -r worker/dist /out/worker/dist \
 && cp -r web/build /out/web/build

# ---- runtime: production dependencies and the build only, non-root -------------------------
FROM node:20.19-bookworm-slim AS runtime
# MALLOC_ARENA_MAX=2: glibc keeps one malloc arena per thread that allocated; two arenas cut
# ~10 MB of the API's idle RSS (DEPLOY.md, "Memory"). `pnpm serve` sets the same.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 WEB_PORT=3000 MALLOC_ARENA_MAX=2
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY --from=build /src/package.json /app/package.json
COPY --from=build /src/scripts /app/scripts
COPY --from=build /out/api /app/api
COPY --from=build /out/worker /app/worker
COPY --from=build /out/web /app/web
# The mail catcher (`pnpm mail-catcher`, compose's demo profile); production uses an SMTP relay.
COPY --from=build /out/mail /app/packages/mail
USER node
EXPOSE 4000 3000
# The API's readiness (database reachable); compose overrides it for web and worker.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["pnpm", "serve:api"]
