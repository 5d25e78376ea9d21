# The released CLI in a container: installs the packed tarball (npm pack) with runtime dependencies
# only, and runs as the unprivileged `node` user of the official image.
#   npm pack && docker build -t smus-gitops .
#   docker run --rm -v "$PWD:/work" -w /work smus-gitops plan manifests
FROM node:24-slim

ENV NODE_ENV=production
COPY smus-gitops-*.tgz /tmp/
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/smus-gitops-*.tgz \
  && rm -f /tmp/smus-gitops-*.tgz \
  && npm cache clean --force

USER node
WORKDIR /work
ENTRYPOINT ["smus-gitops"]
CMD ["--help"]
