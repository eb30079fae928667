#!/usr/bin/env bash
# Container health check without curl/wget in the image: GET an actuator health group over bash's /dev/tcp and
# succeed on HTTP 200. Usage: healthcheck [path] (default /actuator/health/readiness); port from SERVER_PORT.
set -euo pipefail
path="${1:-/actuator/health/readiness}"
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
case "$status" in
  HTTP/1.[01]\ 200\ *|HTTP/1.[01]\ 200) exit 0 ;;
  *) echo "unhealthy: ${status:-no answer}" >&2; exit 1 ;;
esac
