# The API only; Neo4j runs as its own service (see docker-compose.yml), so no Java here.
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
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
