package dev.slackmgr.api.prometheus;

import dev.slackmgr.common.alert.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusAlertMapperTest {
    static final Instant NOW = Instant.parse("2026-05-01T10:20:30.123456789Z");

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static PrometheusAlert alert(String status, Map<String, String> labels, Map<String, String> annotations) {
        return new PrometheusAlert(status, labels, annotations, null, null, null, null);
    }

    static Alert mapOne(Map<String, String> labels, Map<String, String> annotations) {
        return PrometheusAlertMapper.map(alert("firing", labels, annotations), "", NOW);
    }

    static List<Alert> decodeAndMap(String json) throws Exception {
        return PrometheusAlertMapper.map(PrometheusWebhookDecoder.decode(json.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    @Test
    void firingAlert() throws Exception { // I01
        List<Alert> alerts = decodeAndMap("""
                {"groupKey":"test-group","alerts":[{"status":"firing",
                  "labels":{"alertname":"TestAlert","channel":"C123"},
                  "annotations":{"summary":"Test alert summary","description":"Test description"},
                  "startsAt":"2024-01-01T00:00:00Z"}]}""");
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.slackChannelId()).isEqualTo("C123");
        assertThat(a.header()).isEqualTo(":status: Test alert summary");
        assertThat(a.text()).isEqualTo("Test description");
        assertThat(a.fallbackText()).isEqualTo("Test alert summary");
        assertThat(a.severity()).isEqualTo("error");
        assertThat(a.issueFollowUpEnabled()).isTrue();
        assertThat(a.autoResolveSeconds()).isEqualTo(3600);
        assertThat(a.autoResolveAsInconclusive()).isTrue();
        assertThat(a.archivingDelaySeconds()).isEqualTo(21600);
        assertThat(a.notificationDelaySeconds()).isZero();
        assertThat(a.correlationId()).isEqualTo("RUbYrDNkviBa7XxrF7PgIbJzPX3apaCe98Hg7rIwubA=");
        assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2026-05-01T10:20:30.123456789Z"));
        assertThat(a.metadata()).containsEntry("groupKey", "test-group").containsEntry("status", "firing")
                .containsEntry("startsAt", "2024-01-01T00:00:00Z").containsEntry("endsAt", "0001-01-01T00:00:00Z")
                .containsEntry("labels", Map.of("alertname", "TestAlert", "channel", "C123"))
                .containsEntry("annotations", Map.of("summary", "Test alert summary", "description", "Test description"));
        assertThat(a.fields()).isNull();
        assertThat(a.escalation()).isNull();
        assertThat(a.webhooks()).isNull();
        assertThat(a.ignoreIfTextContains()).isNull();
        assertThat(a.headerWhenResolved()).isEmpty();
        assertThat(a.textWhenResolved()).isEmpty();
        assertThat(a.link()).isEmpty();
        assertThat(a.failOnRateLimitError()).isFalse();
    }

    @Test
    void resolvedWithoutHashableLabels() throws Exception { // I02
        Alert a = decodeAndMap("{\"alerts\":[{\"status\":\"resolved\",\"labels\":{\"channel\":\"C123\"}}]}").get(0);
        assertThat(a.severity()).isEqualTo("resolved");
        assertThat(a.header()).isEqualTo(":status: Prometheus alert");
        assertThat(a.fallbackText()).isEqualTo("Prometheus alert");
        assertThat(a.correlationId()).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=-0001-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
            "critical, error", "error, error", "warning, warning", "WARNING, warning", "info, info",
            "panic, panic", "warn, error", "recovered, error", "bogus, error", "' Warning ', warning", "resolved, resolved"})
    void severityMapping(String given, String expected) { // I03
        assertThat(mapOne(map("channel", "C123", "severity", given), null).severity()).isEqualTo(expected);
        assertThat(PrometheusAlertMapper.map(alert("resolved", map("channel", "C123", "severity", given), null), "", NOW)
                .severity()).isEqualTo("resolved");
    }

    @Test
    void severityDefaultsAndLevelAlias() { // I03
        assertThat(mapOne(map("channel", "C123"), null).severity()).isEqualTo("error");
        assertThat(mapOne(map("channel", "C123", "level", "warning"), null).severity()).isEqualTo("warning");
        assertThat(PrometheusAlertMapper.map(alert("RESOLVED", map("severity", "info"), null), "", NOW).severity())
                .as("only the exact status 'resolved' forces resolved").isEqualTo("info");
    }

    @Test
    void correlationIdFromLabels() { // I05, rest-api.md §4.2 examples
        assertThat(mapOne(map("namespace", "prod", "alertname", "HighCPU", "job", "api-server", "channel", "C123"), null)
                .correlationId()).isEqualTo("wQotiA7YutKHALYjK0AC0gczWz03o3f1dVseI6Biju4=");
        assertThat(mapOne(map("namespace", "monitoring", "alertname", "HighCPU", "instance", "server-1", "channel", "C123"), null)
                .correlationId()).isEqualTo("nYcX6tl4gCvDaRwMwYkc2EPZPdQLAWmRF0OzcnkVVNI=");
        assertThat(mapOne(map("alertname", "TestAlert", "channel", "C123"), null).correlationId())
                .isEqualTo("RUbYrDNkviBa7XxrF7PgIbJzPX3apaCe98Hg7rIwubA=");
    }

    @Test
    void correlationIdLabelsInFixedOrderAndInstanceOnlyForMonitoring() {
        String expected = dev.slackmgr.common.alert.Hashes.hc("namespace::ns", "alertname::a", "job::j", "service::s",
                "destination_service_name::d");
        assertThat(PrometheusAlertMapper.correlationIdFromLabels(map("destination_service_name", "d", "service", "s",
                "job", "j", "alertname", "a", "namespace", "ns", "instance", "i"))).isEqualTo(expected);
        assertThat(PrometheusAlertMapper.correlationIdFromLabels(map("instance", "i"))).isEmpty();
        assertThat(PrometheusAlertMapper.correlationIdFromLabels(null)).isEmpty();
    }

    @Test
    void explicitCorrelationIdWins() { // I05
        assertThat(mapOne(map("alertname", "X"), map("correlationId", " my-id "))
                .correlationId()).isEqualTo("my-id");
        assertThat(mapOne(map("correlation_id", "from-label", "alertname", "X"), null).correlationId())
                .isEqualTo("from-label");
    }

    @Test
    void correlationIdFromGroupKeyAndStartsAtInItsOwnOffset() throws Exception { // I05 also
        assertThat(decodeAndMap("{\"groupKey\":\"{}:{alertname=\\\"X\\\"}\",\"alerts\":[{\"labels\":{\"channel\":\"C123\"},"
                + "\"startsAt\":\"2024-01-01T00:00:00Z\"}]}").get(0).correlationId())
                .isEqualTo("JfsL_3fPf4hQ8cs67qnmO-D70-eKjA7wODkq3ibn06Y=-2024-01-01T00:00:00Z");
        assertThat(decodeAndMap("{\"groupKey\":\"{}:{alertname=\\\"X\\\"}\",\"alerts\":[{\"labels\":{\"channel\":\"C123\"},"
                + "\"startsAt\":\"2024-01-01T02:00:00+02:00\"}]}").get(0).correlationId())
                .isEqualTo("JfsL_3fPf4hQ8cs67qnmO-D70-eKjA7wODkq3ibn06Y=-2024-01-01T02:00:00+02:00");
        assertThat(decodeAndMap("{\"alerts\":[{\"startsAt\":\"2024-01-01T00:00:00.120000+00:00\"}]}").get(0)
                .correlationId()).endsWith("-2024-01-01T00:00:00.12Z");
    }

    @Test
    void annotationBeatsLabelForTheSameKey() { // I06
        assertThat(mapOne(map("summary", "L", "channel", "C123"), map("summary", "A")).header()).isEqualTo(":status: A");
    }

    @Test
    void earlierCandidateKeyWinsEvenFromLabels() { // I06
        assertThat(mapOne(map("title", "T", "channel", "C123"), map("summary", "A")).header()).isEqualTo(":status: T");
    }

    @Test
    void presentButEmptyKeyStopsTheLookup() { // I06 also
        Alert a = mapOne(map("summary", "S", "channel", "C123"), map("header", ""));
        assertThat(a.header()).isEqualTo(":status: Prometheus alert");
        assertThat(a.fallbackText()).isEqualTo("Prometheus alert");
    }

    @Test
    void statusKeywordIsNotDoubled() { // I06 also
        assertThat(mapOne(null, map("summary", ":status: Disk full")).header()).isEqualTo(":status: Disk full");
        Alert a = mapOne(null, map("description", "state :status:", "summary", "Disk"));
        assertThat(a.header()).isEqualTo("Disk");
        assertThat(a.text()).isEqualTo("state :status:");
    }

    @Test
    void fallbackTextIsTheHeaderBeforeThePrefixUnlessGiven() {
        assertThat(mapOne(null, map("summary", "Disk")).fallbackText()).isEqualTo("Disk");
        assertThat(mapOne(null, map("summary", "Disk", "fallbackText", " fb ")).fallbackText()).isEqualTo("fb");
    }

    @ParameterizedTest
    @CsvSource({
            "10, 3600", "29, 3600", "30, 30", "abc, 3600", "120, 120", "+120, 120", "-5, 3600", "' 120 ', 120",
            "1.5, 3600", "99999999999999999999, 3600", "'', 3600", "١٢٠, 3600"})
    void autoResolveSeconds(String given, long expected) { // I07
        assertThat(mapOne(map("channel", "C123"), map("autoResolveSeconds", given)).autoResolveSeconds())
                .isEqualTo(expected);
    }

    @Test
    void autoResolveAboveTheLimitIsPassedOnForValidation() { // I07: 400 comes from validation later
        assertThat(mapOne(null, map("autoResolveSeconds", "99999999")).autoResolveSeconds()).isEqualTo(99999999);
    }

    @ParameterizedTest
    @CsvSource({
            "3600, 60, 60", "120, 300, 0", "3600, -1, 0", "3600, abc, 0", "120, 120, 120", "'', 3600, 3600", "'', 3601, 0"})
    void notificationDelayIsBoundedByTheFinalAutoResolve(String autoResolve, String delay, long expected) { // I07
        assertThat(mapOne(null, map("autoResolveSeconds", autoResolve, "notificationDelaySeconds", delay))
                .notificationDelaySeconds()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"abc, 21600", "-1, 21600", "0, 0", "100, 100"})
    void archivingDelay(String given, long expected) { // I07
        assertThat(mapOne(null, map("archivingDelaySeconds", given)).archivingDelaySeconds()).isEqualTo(expected);
    }

    @Test
    void deletionDelayIsAnAliasForArchivingDelay() { // I07
        assertThat(mapOne(null, map("deletionDelaySeconds", "100")).archivingDelaySeconds()).isEqualTo(100);
        assertThat(mapOne(map("archivingdelayseconds", "5"), map("deletionDelaySeconds", "100"))
                .archivingDelaySeconds()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"FALSE, false", "no, false", "false, false", "TRUE, true", "true, true"})
    void issueFollowUpEnabled(String given, boolean expected) { // I07
        assertThat(mapOne(null, map("issueFollowUpEnabled", given)).issueFollowUpEnabled()).isEqualTo(expected);
    }

    @Test
    void booleanDefaultsAndStrictness() { // I07
        assertThat(mapOne(null, null).issueFollowUpEnabled()).isTrue();
        assertThat(mapOne(null, map("issueFollowUpEnabled", "")).issueFollowUpEnabled()).isTrue();
        assertThat(mapOne(null, map("autoResolveAsInconclusive", "false")).autoResolveAsInconclusive()).isFalse();
        assertThat(mapOne(null, map("autoResolveAsInconclusive", "False")).autoResolveAsInconclusive()).isFalse();
        assertThat(mapOne(null, null).autoResolveAsInconclusive()).isTrue();
        assertThat(mapOne(null, map("failOnRateLimitError", "true")).failOnRateLimitError()).isTrue();
        assertThat(mapOne(null, map("failOnRateLimitError", "TRUE")).failOnRateLimitError()).isFalse();
        assertThat(mapOne(null, null).failOnRateLimitError()).isFalse();
    }

    @Test
    void mixedCaseKeys() { // I08
        Alert a = mapOne(map("Severity", "WARNING", "Channel", "C123", "AlertName", "X"), null);
        assertThat(a.slackChannelId()).isEqualTo("C123");
        assertThat(a.severity()).isEqualTo("warning");
        assertThat(a.correlationId()).isEqualTo("KX-vmY4qNwXtkrYQ08onEuoFXOPn8Q5F1KB_YeEelZE=");
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) a.metadata().get("labels");
        assertThat(labels).containsEntry("Severity", "WARNING").containsEntry("severity", "WARNING")
                .containsEntry("alertname", "X").containsEntry("AlertName", "X");
    }

    @Test
    void mixedCaseKeyOverwritesExistingLowerCaseKey() {
        assertThat(PrometheusAlertMapper.withLowerCaseKeys(map("severity", "info", "Severity", "warning")))
                .containsEntry("severity", "warning").containsEntry("Severity", "warning");
        assertThat(PrometheusAlertMapper.withLowerCaseKeys(null)).isNull();
    }

    @Test
    void routeKeyAndChannelAliases() { // I09
        assertThat(mapOne(map("route", "production"), null).routeKey()).isEqualTo("production");
        assertThat(mapOne(map("route", "production"), null).slackChannelId()).isEmpty();
        assertThat(mapOne(map("route_key", "a", "routekey", "b"), null).routeKey()).isEqualTo("b");
        for (String key : List.of("slackchannelid", "channel", "slackchannel", "channelid", "slack_channel_id",
                "slack_channel", "channel_id")) {
            assertThat(mapOne(map(key, " C456 "), null).slackChannelId()).as(key).isEqualTo("C456");
        }
        assertThat(mapOne(map("channel_id", "C2", "channel", "C1"), null).slackChannelId()).isEqualTo("C1");
    }

    @Test
    void ignoreIfTextContainsBecomesAOneElementList() { // I10
        Alert a = mapOne(map("channel", "C123"), map("description", "some noise here", "ignoreIfTextContains", "NOISE"));
        assertThat(a.ignoreIfTextContains()).containsExactly("NOISE");
    }

    @Test
    void plainStringFields() {
        Alert a = mapOne(map("author", " me ", "host", "h1", "footer", "f", "link", "https://x", "username", "bot",
                "icon", ":fire:", "alert_type", "db"), null);
        assertThat(a.author()).isEqualTo("me");
        assertThat(a.host()).isEqualTo("h1");
        assertThat(a.footer()).isEqualTo("f");
        assertThat(a.link()).isEqualTo("https://x");
        assertThat(a.username()).isEqualTo("bot");
        assertThat(a.iconEmoji()).isEqualTo(":fire:");
        assertThat(a.type()).isEqualTo("db");
        assertThat(mapOne(map("iconEmoji", ":a:", "icon", ":b:"), null).iconEmoji()).isEqualTo(":a:");
        assertThat(mapOne(map("body", "b", "text", "t"), null).text()).isEqualTo("t");
    }

    @Test
    void generatorUrlIsNotUsedAsLink() throws Exception {
        Alert a = decodeAndMap("{\"alerts\":[{\"generatorURL\":\"http://prom/graph\"}]}").get(0);
        assertThat(a.link()).isEmpty();
    }

    @Test
    void firingAndResolvedShareTheCorrelationId() throws Exception { // I11
        List<Alert> alerts = decodeAndMap("""
                {"alerts":[
                  {"status":"firing","labels":{"namespace":"prod","alertname":"HighCPU","job":"api-server","channel":"C123"}},
                  {"status":"resolved","labels":{"namespace":"prod","alertname":"HighCPU","job":"api-server","channel":"C123"}}]}""");
        assertThat(alerts).extracting(Alert::correlationId).containsOnly("wQotiA7YutKHALYjK0AC0gczWz03o3f1dVseI6Biju4=");
        assertThat(alerts).extracting(Alert::severity).containsExactly("error", "resolved");
    }

    @Test
    void emptyPayloadMapsToNoAlerts() throws Exception { // I04: caller answers "Prometheus alert list is empty"
        assertThat(decodeAndMap("{\"alerts\":[]}")).isEmpty();
        assertThat(decodeAndMap("null")).isEmpty();
        assertThat(PrometheusWebhook.EMPTY_ALERT_LIST_MESSAGE).isEqualTo("prometheus alert list is empty");
    }

    @Test
    void inputMapsAreNotModified() {
        Map<String, String> labels = map("AlertName", "X");
        PrometheusAlert prom = alert("firing", labels, null);
        PrometheusAlertMapper.map(prom, "", NOW);
        assertThat(prom.labels()).containsOnlyKeys("AlertName");
        assertThat(labels).containsOnlyKeys("AlertName");
    }
}
