# syntax=docker/dockerfile:1.7
# A CPU worker: claims trials from the API and trains them with Deeplearning4j's oneDNN build.
# Build from the repository root: docker build -f docker/worker.Dockerfile -t hpo/worker .

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
    mvn -B -ntp -Dmaven.test.skip=true -pl trial-runner -am package \
 && sh docker/collect-runtime.sh trial-runner /opt/hpo

FROM eclipse-temurin:17-jre-jammy
# tcmalloc: glibc's malloc hands oneDNN's scratch buffers back to the OS on every step (gigabytes of page
# faults per iteration); a caching allocator keeps them. It has to be chosen where the JVM starts.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libtcmalloc-minimal4 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/hpo --shell /usr/sbin/nologin hpo \
 && mkdir -p /var/cache/hpo/javacpp && chown -R hpo /var/cache/hpo
COPY --from=build /opt/hpo/ /opt/hpo/
# The entrypoint sources it: it preloads tcmalloc and holds the trainer's JVM options, as ./hpo does.
COPY trial-runner/jvm-env.sh /opt/hpo/jvm-env.sh
COPY docker/hpo-entrypoint.sh /usr/local/bin/hpo-entrypoint
# Numeric, so Kubernetes can verify runAsNonRoot.
USER 10001
WORKDIR /var/lib/hpo
# JavaCPP unpacks ~450 MB of natives on first use; a volume keeps them across container restarts.
VOLUME /var/cache/hpo
ENTRYPOINT ["/usr/local/bin/hpo-entrypoint", "worker"]
