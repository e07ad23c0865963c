# ceplan in a container: `docker build -t ceplan .`, then
# `docker run --rm -v "$PWD:/work" ceplan validate deploy.yaml`.
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
COPY --from=build /src/build/release/ceplan /usr/local/bin/ceplan
WORKDIR /work
USER nobody
ENTRYPOINT ["ceplan"]
