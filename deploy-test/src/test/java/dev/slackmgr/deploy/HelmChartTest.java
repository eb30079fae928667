package dev.slackmgr.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.slackmgr.deploy.K8s.at;
import static dev.slackmgr.deploy.K8s.container;
import static dev.slackmgr.deploy.K8s.env;
import static dev.slackmgr.deploy.K8s.envNames;
import static dev.slackmgr.deploy.K8s.listAt;
import static dev.slackmgr.deploy.K8s.map;
import static dev.slackmgr.deploy.K8s.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Helm chart rendered by Helm (helm-java) with default and non-default values; assertions on the objects. */
class HelmChartTest {
    private static final String FULL = HelmChart.RELEASE + "-slackmgr";
    private static HelmChart.Rendered defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = HelmChart.render(Map.of());
    }

    @Test
    void defaultsRenderTheExpectedObjects() {
        assertThat(defaults.kinds()).containsExactlyInAnyOrder(
                "Deployment", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "PodDisruptionBudget",
                "Secret", "Service", "Service", "ServiceAccount");
        assertThat(defaults.objects()).allSatisfy(o ->
                assertThat(at(o, "metadata", "labels", "app.kubernetes.io/instance")).isEqualTo(HelmChart.RELEASE));
    }

    @Test
    void managerRunsAtLeastTwoReplicasAndApiIsScaledByItsHpa() {
        Map<String, Object> manager = defaults.get("Deployment", FULL + "-manager");
        assertThat((Integer) at(manager, "spec", "replicas")).isGreaterThanOrEqualTo(2);

        Map<String, Object> api = defaults.get("Deployment", FULL + "-api");
        assertThat(at(api, "spec", "replicas")).as("replicas left to the HPA").isNull();
        Map<String, Object> hpa = defaults.get("HorizontalPodAutoscaler", FULL + "-api");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(mapAt(hpa, "spec", "scaleTargetRef"))
                .containsEntry("kind", "Deployment").containsEntry("name", FULL + "-api");
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) at(hpa, "spec", "maxReplicas")).isGreaterThan((Integer) at(hpa, "spec", "minReplicas"));
        Map<String, Object> metric = map(listAt(hpa, "spec", "metrics").get(0));
        assertThat(at(metric, "resource", "name")).isEqualTo("cpu");
    }

    @Test
    void bothServicesProbeTheActuatorHealthGroupsOnTheirHttpPort() {
        for (String component : List.of("api", "manager")) {
            Map<String, Object> c = container(defaults.get("Deployment", FULL + "-" + component));
            assertThat(at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(at(c, "livenessProbe", "httpGet", "port")).isEqualTo("http");
            assertThat(at(c, "readinessProbe", "httpGet", "port")).isEqualTo("http");
            Map<String, Object> port = map(listAt(c, "ports").get(0));
            assertThat(port.get("name")).isEqualTo("http");
            // the named port is the port the service listens on (SERVER_PORT)
            assertThat(env(c, "SERVER_PORT").orElseThrow().get("value")).isEqualTo(String.valueOf(port.get("containerPort")));
            assertThat(mapAt(c, "resources", "requests")).containsKeys("cpu", "memory");
            assertThat(mapAt(c, "resources", "limits")).containsKey("memory");
            assertThat(at(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        }
        Map<String, Object> manager = container(defaults.get("Deployment", FULL + "-manager"));
        assertThat(at(manager, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    }

    @Test
    void podsRunAsNonRootWithAWritableTmp() {
        for (String component : List.of("api", "manager")) {
            Map<String, Object> d = defaults.get("Deployment", FULL + "-" + component);
            assertThat(at(d, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(listAt(container(d), "volumeMounts")).anySatisfy(m -> assertThat(map(m)).containsEntry("mountPath", "/tmp"));
        }
    }

    @Test
    void tokensKeyAndPasswordComeFromTheSecret() {
        String secret = FULL + "-secrets";
        assertThat(defaults.get("Secret", secret)).isNotNull();
        Map<String, Object> api = container(defaults.get("Deployment", FULL + "-api"));
        Map<String, Object> manager = container(defaults.get("Deployment", FULL + "-manager"));
        for (Map<String, Object> c : List.of(api, manager)) {
            assertSecretRef(c, "SLACK_BOT_TOKEN", secret, "slack-bot-token", false);
            assertSecretRef(c, "SLACKMGR_ENCRYPTION_KEY", secret, "encryption-key", true);
        }
        assertSecretRef(manager, "SLACK_APP_TOKEN", secret, "slack-app-token", true);
        assertSecretRef(manager, "SPRING_DATASOURCE_PASSWORD", secret, "database-password", false);
        assertThat(envNames(api)).doesNotContain("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "SLACK_APP_TOKEN");
        // no secret value written in plain env anywhere
        for (Map<String, Object> c : List.of(api, manager)) {
            for (String name : List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACKMGR_ENCRYPTION_KEY", "SPRING_DATASOURCE_PASSWORD")) {
                env(c, name).ifPresent(e -> assertThat(e).doesNotContainKey("value"));
            }
        }
    }

    @Test
    void envContractIsWhatTheServicesRead() {
        Map<String, Object> api = container(defaults.get("Deployment", FULL + "-api"));
        Map<String, Object> manager = container(defaults.get("Deployment", FULL + "-manager"));
        assertThat(envNames(api)).contains("SPRING_DATA_REDIS_URL", "SLACK_BOT_TOKEN", "SLACK_API_URL",
                "SLACKMGR_ENCRYPTION_KEY", "JAVA_TOOL_OPTIONS");
        assertThat(envNames(manager)).contains("SPRING_DATA_REDIS_URL", "SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN",
                "SLACK_API_URL", "SLACKMGR_ENCRYPTION_KEY", "JAVA_TOOL_OPTIONS");
        assertThat(envNames(api)).allSatisfy(n -> assertThat(Repo.serviceReads("api", n)).as("api reads " + n).isTrue());
        assertThat(envNames(manager)).allSatisfy(n -> assertThat(Repo.serviceReads("manager", n)).as("manager reads " + n).isTrue());
        // JSON logs by default in the cluster
        assertThat(env(api, "LOGGING_STRUCTURED_FORMAT_CONSOLE").orElseThrow().get("value")).isEqualTo("ecs");
    }

    @Test
    void tracingIsOffByDefaultAndSwitchedOnWithAnEndpoint() {
        for (String component : List.of("api", "manager")) {
            Map<String, Object> c = container(defaults.get("Deployment", FULL + "-" + component));
            assertThat(envNames(c)).noneMatch(n -> n.startsWith("MANAGEMENT_TRACING")
                    || n.startsWith("MANAGEMENT_OPENTELEMETRY"));
        }
        HelmChart.Rendered on = HelmChart.render(Map.of("tracing.enabled", true,
                "tracing.otlpEndpoint", "http://otel-collector.observability:4318/v1/traces",
                "tracing.samplingProbability", "0.25"));
        for (String component : List.of("api", "manager")) {
            Map<String, Object> c = container(on.get("Deployment", FULL + "-" + component));
            assertThat(env(c, "MANAGEMENT_TRACING_EXPORT_ENABLED").orElseThrow().get("value")).isEqualTo("true");
            assertThat(env(c, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY").orElseThrow().get("value")).isEqualTo("0.25");
            assertThat(env(c, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT").orElseThrow().get("value"))
                    .isEqualTo("http://otel-collector.observability:4318/v1/traces");
            assertThat(envNames(c)).allSatisfy(n -> assertThat(Repo.serviceReads(component, n)).isTrue());
        }
    }

    @Test
    void podsCarryPrometheusScrapeAnnotationsForTheirPort() {
        for (String component : List.of("api", "manager")) {
            Map<String, Object> d = defaults.get("Deployment", FULL + "-" + component);
            Map<String, Object> annotations = mapAt(d, "spec", "template", "metadata", "annotations");
            Object port = map(listAt(container(d), "ports").get(0)).get("containerPort");
            assertThat(annotations)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
        assertThat(defaults.has("ServiceMonitor")).isFalse();
    }

    @Test
    void servicesAndDisruptionBudgetsSelectTheirOwnPods() {
        for (String component : List.of("api", "manager")) {
            Map<String, Object> d = defaults.get("Deployment", FULL + "-" + component);
            Map<String, Object> podLabels = mapAt(d, "spec", "template", "metadata", "labels");
            Map<String, Object> otherPodLabels = mapAt(defaults.get("Deployment",
                    FULL + "-" + (component.equals("api") ? "manager" : "api")), "spec", "template", "metadata", "labels");
            Map<String, Object> deploymentSelector = mapAt(d, "spec", "selector", "matchLabels");
            Map<String, Object> serviceSelector = mapAt(defaults.get("Service", FULL + "-" + component), "spec", "selector");
            Map<String, Object> pdbSelector = mapAt(defaults.get("PodDisruptionBudget", FULL + "-" + component),
                    "spec", "selector", "matchLabels");
            for (Map<String, Object> selector : List.of(deploymentSelector, serviceSelector, pdbSelector)) {
                assertThat(podLabels).containsAllEntriesOf(selector);
                assertThat(otherPodLabels.entrySet().containsAll(selector.entrySet()))
                        .as("selector %s must not match the other component", selector).isFalse();
            }
            assertThat(at(defaults.get("Service", FULL + "-" + component), "spec", "ports")).asList()
                    .anySatisfy(p -> assertThat(map(p)).containsEntry("targetPort", "http"));
        }
        Map<String, Object> managerPdb = defaults.get("PodDisruptionBudget", FULL + "-manager");
        assertThat(at(managerPdb, "spec", "maxUnavailable")).isEqualTo(1);
        Map<String, Object> apiPdb = defaults.get("PodDisruptionBudget", FULL + "-api");
        assertThat(at(apiPdb, "spec", "minAvailable")).isEqualTo(1);
    }

    @Test
    void existingSecretSettingsServiceMonitorAndFixedReplicas(@TempDir Path dir) throws IOException {
        Map<String, Object> managerSettings = Map.of(
                "globalAdmins", List.of("U0123456789"),
                "issueProcessingIntervalSeconds", 20);
        Map<String, Object> apiSettings = Map.of(
                "rateLimitPerAlertChannel", Map.of("alertsPerSecond", 2, "allowedBurst", 50),
                "routingRules", List.of(Map.of("name", "Fallback", "matchAll", true, "channel", "C0ZZZZZZZZZ")));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("existingSecret", "ops-slackmgr");
        values.put("settings", Map.of("api", apiSettings, "manager", managerSettings));
        values.put("image", Map.of("registry", "registry.example/acme/", "manager", Map.of("repository", "slackmgr-manager", "tag", "1.2.3")));
        values.put("api", Map.of("autoscaling", Map.of("enabled", false), "replicas", 3));
        values.put("manager", Map.of("replicas", 4, "extraEnv", List.of(Map.of("name", "SLACKMGR_QUEUE_CONCURRENCY", "value", "16"))));
        values.put("metrics", Map.of("podAnnotations", false,
                "serviceMonitor", Map.of("enabled", true, "labels", Map.of("release", "kube-prometheus-stack"))));
        values.put("logging", Map.of("structuredFormat", ""));
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, new Yaml().dump(values));

        HelmChart.Rendered r = HelmChart.render(Map.of(), file);

        assertThat(r.has("Secret")).as("no Secret rendered with existingSecret").isFalse();
        assertThat(r.has("HorizontalPodAutoscaler")).isFalse();
        Map<String, Object> apiDeployment = r.get("Deployment", FULL + "-api");
        Map<String, Object> managerDeployment = r.get("Deployment", FULL + "-manager");
        assertThat(at(apiDeployment, "spec", "replicas")).isEqualTo(3);
        assertThat(at(managerDeployment, "spec", "replicas")).isEqualTo(4);
        Map<String, Object> api = container(apiDeployment);
        Map<String, Object> manager = container(managerDeployment);
        assertThat(manager.get("image")).isEqualTo("registry.example/acme/slackmgr-manager:1.2.3");
        assertThat((String) api.get("image")).startsWith("registry.example/acme/slackmgr-api:");
        for (Map<String, Object> c : List.of(api, manager)) {
            assertThat(listAt(c, "env")).allSatisfy(e -> {
                Object ref = at(e, "valueFrom", "secretKeyRef", "name");
                if (ref != null) {
                    assertThat(ref).isEqualTo("ops-slackmgr");
                }
            });
            assertThat(envNames(c)).doesNotContain("LOGGING_STRUCTURED_FORMAT_CONSOLE");
            assertThat(mapAt(apiDeployment, "spec", "template", "metadata", "annotations")).doesNotContainKey("prometheus.io/scrape");
        }
        assertThat(env(manager, "SLACKMGR_QUEUE_CONCURRENCY").orElseThrow().get("value")).isEqualTo("16");

        // the settings files: a ConfigMap mounted where the env vars point, holding the given YAML
        Map<String, Object> cm = r.get("ConfigMap", FULL + "-settings");
        assertSettingsFile(r, api, apiDeployment, cm, "SLACKMGR_API_SETTINGS", apiSettings);
        assertSettingsFile(r, manager, managerDeployment, cm, "SLACKMGR_MANAGER_SETTINGS", managerSettings);

        Map<String, Object> sm = r.get("ServiceMonitor", FULL);
        assertThat(mapAt(sm, "metadata", "labels")).containsEntry("release", "kube-prometheus-stack");
        Map<String, Object> endpoint = map(listAt(sm, "spec", "endpoints").get(0));
        assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
        assertThat(listAt(sm, "spec", "namespaceSelector", "matchNames")).containsExactly(HelmChart.NAMESPACE);
        Map<String, Object> smLabels = mapAt(sm, "spec", "selector", "matchLabels");
        List<Object> components = listAt(map(listAt(sm, "spec", "selector", "matchExpressions").get(0)), "values");
        for (Map<String, Object> svc : r.ofKind("Service")) {
            Map<String, Object> labels = mapAt(svc, "metadata", "labels");
            assertThat(labels).containsAllEntriesOf(smLabels);
            assertThat(components).contains(labels.get("app.kubernetes.io/component"));
            assertThat(listAt(svc, "spec", "ports")).anySatisfy(p -> assertThat(map(p)).containsEntry("name", "http"));
        }
    }

    @Test
    void chartCreatedSecretHoldsTheGivenValuesAndRedisUrlCanComeFromIt() {
        HelmChart.Rendered r = HelmChart.render(Map.of(
                "secrets.slackBotToken", "xoxb-1",
                "secrets.databasePassword", "pw",
                "secrets.redisUrl", "redis://:pw@redis:6379",
                "redis.urlFromSecret", true));
        Map<String, Object> data = mapAt(r.get("Secret", FULL + "-secrets"), "data");
        assertThat(data).containsEntry("slack-bot-token", b64("xoxb-1")).containsEntry("database-password", b64("pw"))
                .containsEntry("redis-url", b64("redis://:pw@redis:6379"))
                .doesNotContainKeys("slack-app-token", "encryption-key");
        for (String component : List.of("api", "manager")) {
            Map<String, Object> d = r.get("Deployment", FULL + "-" + component);
            assertSecretRef(container(d), "SPRING_DATA_REDIS_URL", FULL + "-secrets", "redis-url", false);
            // a changed Secret rolls the pods
            assertThat(mapAt(d, "spec", "template", "metadata", "annotations")).containsKey("checksum/secret");
        }
        String before = (String) mapAt(defaults.get("Deployment", FULL + "-api"), "spec", "template", "metadata", "annotations")
                .get("checksum/secret");
        String after = (String) mapAt(r.get("Deployment", FULL + "-api"), "spec", "template", "metadata", "annotations")
                .get("checksum/secret");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void existingConfigMapIsMountedForBothAndNoneIsCreated() {
        HelmChart.Rendered r = HelmChart.render(Map.of("settings.existingConfigMap", "ops-settings"));
        assertThat(r.has("ConfigMap")).isFalse();
        for (String component : List.of("api", "manager")) {
            Map<String, Object> d = r.get("Deployment", FULL + "-" + component);
            String envName = component.equals("api") ? "SLACKMGR_API_SETTINGS" : "SLACKMGR_MANAGER_SETTINGS";
            assertThat(env(container(d), envName).orElseThrow().get("value"))
                    .isEqualTo("/etc/slackmgr/" + component + "-settings.yaml");
            assertThat(listAt(d, "spec", "template", "spec", "volumes"))
                    .anySatisfy(v -> assertThat(at(v, "configMap", "name")).isEqualTo("ops-settings"));
        }
        // without any settings, no settings env var points at a missing file
        for (String component : List.of("api", "manager")) {
            assertThat(envNames(container(defaults.get("Deployment", FULL + "-" + component))))
                    .doesNotContain("SLACKMGR_API_SETTINGS", "SLACKMGR_MANAGER_SETTINGS");
        }
    }

    @Test
    void refusesAManagerWithoutReplicas() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("manager.replicas", 0)))
                .hasMessageContaining("manager.replicas must be at least 1");
    }

    private static void assertSettingsFile(HelmChart.Rendered r, Map<String, Object> container,
                                           Map<String, Object> deployment, Map<String, Object> configMap,
                                           String envName, Map<String, Object> expected) {
        Path file = Path.of((String) env(container, envName).orElseThrow().get("value"));
        Map<String, Object> mount = listAt(container, "volumeMounts").stream().map(K8s::map)
                .filter(m -> file.getParent().toString().equals(m.get("mountPath"))).findFirst().orElseThrow();
        Map<String, Object> volume = listAt(deployment, "spec", "template", "spec", "volumes").stream().map(K8s::map)
                .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(at(volume, "configMap", "name")).isEqualTo(at(configMap, "metadata", "name"));
        String content = (String) mapAt(configMap, "data").get(file.getFileName().toString());
        assertThat(content).as("ConfigMap key %s", file.getFileName()).isNotNull();
        assertThat((Object) new Yaml().load(content)).isEqualTo(expected);
    }

    private static void assertSecretRef(Map<String, Object> container, String envName, String secret, String key,
                                        boolean optional) {
        Map<String, Object> e = env(container, envName).orElseThrow(() -> new AssertionError("no env " + envName));
        Map<String, Object> ref = mapAt(e, "valueFrom", "secretKeyRef");
        assertThat(ref).as(envName).containsEntry("name", secret).containsEntry("key", key);
        assertThat(Boolean.TRUE.equals(ref.get("optional"))).as(envName + " optional").isEqualTo(optional);
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
