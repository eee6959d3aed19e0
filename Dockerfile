# Kundenradar: one image for every stage; the compose file picks the stage with `worker <stage>`.
# Runs the TypeScript sources directly (tsx, a runtime dependency): there is no build step.

# Build stage: native modules (better-sqlite3) compile here if no prebuilt binary fits, so the runtime image
# carries no compiler.
FROM node:20-slim AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# What the stages run; .dockerignore keeps operator configs (kundenradar.yaml, mounted at run time), secrets, local
# state, tests and benchmarks out of this layer.
COPY . .
# The embedded store's default location; unused when ELASTICSEARCH_URL is set, but writable either way.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ENTRYPOINT ["node", "--no-regexp-tier-up", "bin/kundenradar.js"]
CMD ["start"]
