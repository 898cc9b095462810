# Tools image: a base picked by a build argument, and an ONBUILD trigger.
ARG VARIANT=slim

FROM debian:bookworm-slim AS base-slim
FROM debian:bookworm AS base-full

FROM base-${VARIANT} AS tools
ONBUILD COPY --from=linters /usr/local/bin/ /usr/local/bin/

FROM ghcr.io/example/linters:2.1 AS linters

FROM tools
RUN --mount=type=bind,from=linters,source=/etc/linters,target=/etc/linters \
    check-config /etc/linters
