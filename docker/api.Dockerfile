# syntax=docker/dockerfile:1.7
# The search API: compiled with Maven, run on a slim Java 17 runtime.
# Build from the repository root: docker build -f docker/api.Dockerfile -t hpo/api .

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
# .mvn/maven.config restricts JavaCPP natives to linux-x86_64; without it Maven fetches them for every OS.
COPY .mvn/ .mvn/
COPY pom.xml ./
# Maven reads every module of the reactor, so every module is copied even when only one is built.
COPY search-space/ search-space/
COPY protocol/ protocol/
COPY optimizer/ optimizer/
COPY search-api/ search-api/
COPY openapi-client-test/ openapi-client-test/
COPY trial-runner/ trial-runner/
COPY hpo-cli/ hpo-cli/
COPY reliability-tests/ reliability-tests/
COPY benchmarks/ benchmarks/
COPY docker/collect-runtime.sh docker/
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -Dmaven.test.skip=true -pl search-api -am package \
 && sh docker/collect-runtime.sh search-api /opt/hpo

FROM eclipse-temurin:17-jre-jammy
# curl serves the container health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/hpo --shell /usr/sbin/nologin hpo
COPY --from=build /opt/hpo/ /opt/hpo/
COPY search-api/jvm-env.sh /opt/hpo/search-api-jvm-env.sh
COPY docker/hpo-entrypoint.sh /usr/local/bin/hpo-entrypoint
# Numeric, so Kubernetes can verify runAsNonRoot.
USER 10001
WORKDIR /var/lib/hpo
# The embedded database lives here when no --db-url is given.
VOLUME /var/lib/hpo
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["/usr/local/bin/hpo-entrypoint", "server"]
