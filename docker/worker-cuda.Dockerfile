# syntax=docker/dockerfile:1.7
# A GPU worker with both engines: PyTorch (HPO_ENGINE=pytorch, what current GPUs need) and the trainer built with
# ND4J's CUDA 11.6 backend (mvn -Dcuda; pre-Hopper GPUs whose driver still runs CUDA 11.6 applications).
# Build from the repository root: docker build -f docker/worker-cuda.Dockerfile -t hpo/worker-cuda .
# The torch wheel brings its own CUDA libraries and needs only the host's driver: the default (CUDA 12.8) serves
# Turing to Blackwell GPUs with a driver of 570 or later; for older GPUs or drivers pick another wheel, e.g.
#   --build-arg TORCH_INDEX_URL=https://download.pytorch.org/whl/cu126

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
    mvn -B -ntp -Dmaven.test.skip=true -Dcuda -pl trial-runner -am package \
 && sh docker/collect-runtime.sh trial-runner /opt/hpo

# ND4J 1.0.0-M2.1's newest GPU backend links against CUDA 11.6 and cuDNN 8.
FROM nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04
ARG TORCH_VERSION=2.7.1
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cu128
# Python 3.9 is the newest Ubuntu 20.04 offers, and what torch 2.7 still supports; torch lives in its own venv.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless libtcmalloc-minimal4 python3.9 python3.9-venv \
 && rm -rf /var/lib/apt/lists/* \
 && python3.9 -m venv /opt/torch \
 && /opt/torch/bin/pip install --no-cache-dir --index-url "$TORCH_INDEX_URL" "torch==$TORCH_VERSION" \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/hpo --shell /usr/sbin/nologin hpo \
 && mkdir -p /var/cache/hpo/javacpp && chown -R hpo /var/cache/hpo
ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility
# The pytorch engine's interpreter (hpo worker --python defaults to $HPO_PYTHON).
ENV HPO_PYTHON=/opt/torch/bin/python
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
