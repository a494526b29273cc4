# treatywatch's web server, from the release binary built outside the image:
#
#   cargo build --release --locked -p treatywatch
#   docker build -t treatywatch .
#   docker run --rm -p 8080:8080 treatywatch
#
# The dataset is compiled into the binary; nothing is fetched at run time. The server
# runs as an unprivileged user with a read-only root filesystem possible (it writes
# nothing but its log, to standard error).
FROM debian:trixie-slim

COPY target/release/treatywatch /usr/local/bin/treatywatch

# 65532: the "nonroot" user of distroless images; no shell, no home needed.
USER 65532:65532
WORKDIR /
EXPOSE 8080
STOPSIGNAL SIGTERM

# The server answers /healthz; orchestrators should probe it over HTTP
# (Kubernetes: httpGet /healthz). The image has no curl, so no HEALTHCHECK here.
ENTRYPOINT ["/usr/local/bin/treatywatch"]
CMD ["serve", "--addr", "0.0.0.0:8080", "--access-log", "json"]
