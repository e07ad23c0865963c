# ceplan in a container: `docker build -t ceplan .`, then
# `docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" ceplan validate deploy.yaml`
# (the user that owns the checkout, so that reports written there are the user's).
# The release preset links statically, so the final image needs no libraries of its own.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends g++ make cmake libcli11-dev nlohmann-json3-dev \
      libyaml-cpp-dev libfmt-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake --preset release && cmake --build --preset release

FROM debian:bookworm-slim
# git for `ceplan diff --git`. A checkout mounted from the host or cloned by a CI runner belongs
# to another user than the container's, which git would refuse as of dubious ownership.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git \
 && rm -rf /var/lib/apt/lists/* \
 && git config --system --add safe.directory '*'
COPY --from=build /src/build/release/ceplan /usr/local/bin/ceplan
WORKDIR /work
USER nobody
ENTRYPOINT ["ceplan"]
