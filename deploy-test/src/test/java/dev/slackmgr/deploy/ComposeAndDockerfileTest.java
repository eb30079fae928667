package dev.slackmgr.deploy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slackmgr.deploy.K8s.at;
import static dev.slackmgr.deploy.K8s.listAt;
import static dev.slackmgr.deploy.K8s.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docker-compose.yml and the Dockerfile, read as files: the services, health checks, env contract and the image
 * stages they name. (No Docker engine here; RunnableJarsIT starts the jars with this compose environment.)
 */
class ComposeAndDockerfileTest {
    private static final Map<String, String> VARS = Map.of("SLACK_BOT_TOKEN", "xoxb-1");
    private final ComposeFile compose = ComposeFile.load();
    private final String dockerfile = Repo.read("Dockerfile");

    @Test
    void runsRedisPostgresApiAndManagerEachWithAHealthCheck() {
        assertThat(mapAt(compose.doc, "services")).containsOnlyKeys("redis", "postgres", "api", "manager");
        for (String s : List.of("redis", "postgres", "api", "manager")) {
            assertThat(listAt(compose.service(s), "healthcheck", "test")).as(s + " healthcheck").isNotEmpty();
        }
        assertThat(mapAt(compose.service("api"), "depends_on")).containsOnlyKeys("redis");
        assertThat(mapAt(compose.service("manager"), "depends_on")).containsOnlyKeys("redis", "postgres");
        for (String s : List.of("api", "manager")) {
            mapAt(compose.service(s), "depends_on").values()
                    .forEach(d -> assertThat(at(d, "condition")).isEqualTo("service_healthy"));
            // the image's own health check script on the readiness group
            assertThat(listAt(compose.service(s), "healthcheck", "test"))
                    .containsExactly("CMD", "healthcheck", "/actuator/health/readiness");
        }
    }

    @Test
    void servicesGetTheEnvContractAndNothingTheyDoNotRead() {
        Map<String, String> api = compose.environment("api", VARS);
        Map<String, String> manager = compose.environment("manager", VARS);
        assertThat(api).containsKeys("SPRING_DATA_REDIS_URL", "SLACK_BOT_TOKEN", "SLACK_API_URL",
                "SLACKMGR_ENCRYPTION_KEY", "SLACKMGR_API_SETTINGS");
        assertThat(manager).containsKeys("SPRING_DATA_REDIS_URL", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_API_URL",
                "SLACKMGR_ENCRYPTION_KEY", "SLACKMGR_MANAGER_SETTINGS");
        api.keySet().forEach(n -> assertThat(Repo.serviceReads("api", n)).as("api reads " + n).isTrue());
        manager.keySet().forEach(n -> assertThat(Repo.serviceReads("manager", n)).as("manager reads " + n).isTrue());
        assertThat(api.get("SLACK_BOT_TOKEN")).isEqualTo("xoxb-1");
        assertThat(api.get("SLACK_API_URL")).isEqualTo("https://slack.com/api/");
        assertThatThrownBy(() -> compose.environment("api", Map.of()))
                .hasMessageContaining("SLACK_BOT_TOKEN");
    }

    @Test
    void backendsAreTheComposeServices() {
        Map<String, String> manager = compose.environment("manager", VARS);
        Map<String, String> postgres = compose.environment("postgres", VARS);
        URI db = URI.create(manager.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
        assertThat(db.getHost()).isEqualTo("postgres");
        assertThat(db.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(manager.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(manager.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(compose.environment("manager", Map.of("SLACK_BOT_TOKEN", "x", "POSTGRES_PASSWORD", "s3cret")))
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "s3cret");
        for (String s : List.of("api", "manager")) {
            assertThat(URI.create(compose.environment(s, VARS).get("SPRING_DATA_REDIS_URL")).getHost()).isEqualTo("redis");
        }
    }

    @Test
    void settingsFilesAreMountedWhereTheEnvPoints() {
        assertSettingsMount("api", "SLACKMGR_API_SETTINGS");
        assertSettingsMount("manager", "SLACKMGR_MANAGER_SETTINGS");
    }

    @Test
    void composeBuildsTheDockerfileStagesAndPublishesTheServerPorts() {
        for (String s : List.of("api", "manager")) {
            String target = (String) at(compose.service(s), "build", "target");
            assertThat(target).isEqualTo(s);
            String stage = stage(target);
            String port = compose.environment(s, VARS).get("SERVER_PORT");
            assertThat(stage).contains("EXPOSE " + port).contains("ENV SERVER_PORT=" + port);
            assertThat(listAt(compose.service(s), "ports")).anySatisfy(p -> assertThat(String.valueOf(p)).endsWith(port));
            // the jar the stage runs is the one `extract --layers` puts into the application layer
            assertThat(stage).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/slackmgr-" + s + ".jar\"]")
                    .contains("COPY --from=build /layers/" + s + "/application/ ./")
                    .contains("HEALTHCHECK");
        }
    }

    @Test
    void imagesAreSmallTemurinJresRunningAsNonRoot() {
        Matcher runtime = Pattern.compile("(?m)^FROM eclipse-temurin:\\$\\{RUNTIME_JRE}-jre AS runtime$").matcher(dockerfile);
        assertThat(runtime.find()).as("runtime stage on the Temurin JRE").isTrue();
        String runtimeStage = stage("runtime");
        assertThat(runtimeStage).contains("USER 10001:10001").contains("ENV JAVA_TOOL_OPTIONS=");
        assertThat(runtimeStage).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        for (String s : List.of("api", "manager")) {
            assertThat(dockerfile).containsPattern("(?m)^FROM runtime AS " + s + "$");
        }
        // the build stage packages exactly the two services and extracts their layers
        assertThat(dockerfile).contains("./mvnw -B -ntp -q -DskipTests -pl api,manager -am package")
                .contains("-jar api/target/slackmgr-api.jar extract --layers --destination /layers/api")
                .contains("-jar manager/target/slackmgr-manager.jar extract --layers --destination /layers/manager");
        // every module pom the default reactor lists is copied, or the build stage cannot read the parent (modules
        // only in a profile, such as the JMH module under -Pbench, are not part of the image build)
        Matcher modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Repo.read("pom.xml").replaceAll("(?s)<profiles>.*</profiles>", ""));
        while (modules.find()) {
            assertThat(dockerfile).contains("COPY " + modules.group(1) + "/pom.xml " + modules.group(1) + "/");
        }
        assertThat(Files.isExecutable(Repo.path("deploy/docker/healthcheck.sh"))).isTrue();
    }

    private void assertSettingsMount(String service, String envName) {
        String path = compose.environment(service, VARS).get(envName);
        List<Object> volumes = listAt(compose.service(service), "volumes");
        String mount = volumes.stream().map(String::valueOf).filter(v -> v.split(":")[1].equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": nothing mounted at " + path + " in " + volumes));
        String source = mount.split(":")[0];
        assertThat(source).startsWith("./");
        assertThat(Repo.path(source.substring(2))).isRegularFile();
        assertThat(mount).endsWith(":ro");
    }

    /** The lines of one Dockerfile stage, up to the next FROM. */
    private String stage(String name) {
        Matcher m = Pattern.compile("(?ms)^FROM \\S+ AS " + Pattern.quote(name) + "$(.*?)(?=^FROM |\\z)").matcher(dockerfile);
        assertThat(m.find()).as("stage " + name).isTrue();
        return m.group(1);
    }

}
