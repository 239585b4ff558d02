# The API only; Neo4j runs as its own service (see docker-compose.yml), so no Java here.
# Stage 1 builds the explorer (web/dist) with the dev dependencies; the image keeps only the built files.
FROM node:22-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY schema ./schema
COPY web ./web
RUN node web/build.mjs

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY schema ./schema
COPY data ./data
COPY --from=web /app/web/dist ./web/dist
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
