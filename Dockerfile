# syntax=docker/dockerfile:1
#
# Both services from one Dockerfile; pick one with --target:
#   docker build --target api     -t slackmgr-api .
#   docker build --target manager -t slackmgr-manager .
# docker-compose.yml builds both. The jars are built inside (./mvnw -DskipTests package); the runtime images are
# Eclipse Temurin JRE with the jar's Spring Boot layers (dependencies change less often than the application).

ARG BUILD_JDK=17
# Java 17 bytecode; a Java 21 runtime turns on the services' virtual threads (spring.threads.virtual.enabled).
ARG RUNTIME_JRE=21

FROM eclipse-temurin:${BUILD_JDK}-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY common/pom.xml common/
COPY api/pom.xml api/
COPY manager/pom.xml manager/
COPY deploy-test/pom.xml deploy-test/
COPY local/pom.xml local/
COPY common/src common/src
COPY api/src api/src
COPY manager/src manager/src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -pl api,manager -am package \
 && java -Djarmode=tools -jar api/target/slackmgr-api.jar extract --layers --destination /layers/api \
 && java -Djarmode=tools -jar manager/target/slackmgr-manager.jar extract --layers --destination /layers/manager

FROM eclipse-temurin:${RUNTIME_JRE}-jre AS runtime
RUN groupadd --system --gid 10001 slackmgr \
 && useradd --system --uid 10001 --gid slackmgr --no-create-home --home-dir /app --shell /usr/sbin/nologin slackmgr
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
# Container-aware heap (a share of the memory limit, not of the host) and a clean exit on OOM so the
# orchestrator restarts the container instead of leaving it half-alive.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
WORKDIR /app
USER 10001:10001

FROM runtime AS api
COPY --from=build /layers/api/dependencies/ ./
COPY --from=build /layers/api/spring-boot-loader/ ./
COPY --from=build /layers/api/snapshot-dependencies/ ./
COPY --from=build /layers/api/application/ ./
ENV SERVER_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["java", "-jar", "/app/slackmgr-api.jar"]

FROM runtime AS manager
COPY --from=build /layers/manager/dependencies/ ./
COPY --from=build /layers/manager/spring-boot-loader/ ./
COPY --from=build /layers/manager/snapshot-dependencies/ ./
COPY --from=build /layers/manager/application/ ./
ENV SERVER_PORT=8081
EXPOSE 8081
# start period covers Flyway migrations at start-up
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["java", "-jar", "/app/slackmgr-manager.jar"]
