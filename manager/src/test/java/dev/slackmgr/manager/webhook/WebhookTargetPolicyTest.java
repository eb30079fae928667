package dev.slackmgr.manager.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unsafe-target guard, with a fake DNS so host names resolve to chosen addresses. */
class WebhookTargetPolicyTest {
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "mixed.example.com", List.of("93.184.216.34", "10.0.0.7"),
            "rebind.example.com", List.of("127.0.0.1"),
            "localhost", List.of("127.0.0.1", "::1"),
            "internal.corp", List.of("10.1.2.3"),
            "svc.cluster.local", List.of("172.20.0.5"),
            "a.hooks.internal", List.of("192.168.1.10"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = InetAddress.getByName(addresses.get(i));
        }
        return out;
    }

    private static WebhookTargetPolicy policy(String... allowList) {
        return new WebhookTargetPolicy(List.of(allowList), WebhookTargetPolicyTest::resolve);
    }

    @Test
    void publicHttpsTargetsAreAllowed() {
        assertThat(policy().refusal("https://hooks.example.com/restart")).isEmpty();
        assertThat(policy().refusal("https://v6.example.com:8443/x")).isEmpty();
        assertThat(policy().refusal("https://93.184.216.34/x")).isEmpty();
    }

    @Test
    void nonHttpsIsRefused() {
        assertThat(policy().refusal("http://hooks.example.com/restart")).get().asString().contains("only https://");
        assertThat(policy().refusal("ftp://hooks.example.com/x")).isPresent();
        assertThat(policy().refusal("https:///nohost")).isPresent();
        assertThat(policy().refusal("not a url")).isPresent();
    }

    @Test
    void loopbackIsRefused() {
        assertThat(policy().refusal("https://127.0.0.1/x")).get().asString().contains("loopback");
        assertThat(policy().refusal("https://127.8.9.10:9000/x")).get().asString().contains("loopback");
        assertThat(policy().refusal("https://[::1]/x")).get().asString().contains("loopback");
        assertThat(policy().refusal("https://localhost/x")).get().asString().contains("loopback");
        assertThat(policy().refusal("https://rebind.example.com/x")).get().asString().contains("loopback");
    }

    @Test
    void privateRangesAreRefused() {
        assertThat(policy().refusal("https://10.0.0.1/x")).get().asString().contains("private");
        assertThat(policy().refusal("https://172.16.5.4/x")).get().asString().contains("private");
        assertThat(policy().refusal("https://172.31.255.255/x")).get().asString().contains("private");
        assertThat(policy().refusal("https://192.168.0.1/x")).get().asString().contains("private");
        assertThat(policy().refusal("https://[fd12:3456::1]/x")).get().asString().contains("private");
        assertThat(policy().refusal("https://100.64.0.1/x")).get().asString().contains("shared");
        assertThat(policy().refusal("https://0.0.0.0/x")).isPresent();
        assertThat(policy().refusal("https://internal.corp/x")).get().asString().contains("10.1.2.3");
        assertThat(policy().refusal("https://172.32.0.1/x")).as("just outside 172.16/12").isEmpty();
    }

    @Test
    void linkLocalIsRefused() {
        assertThat(policy().refusal("https://169.254.169.254/latest/meta-data")).get().asString()
                .contains("link-local");
        assertThat(policy().refusal("https://[fe80::1]/x")).get().asString().contains("link-local");
    }

    @Test
    void everyResolvedAddressIsChecked() {
        assertThat(policy().refusal("https://mixed.example.com/x")).get().asString()
                .contains("a private address 10.0.0.7");
        assertThat(policy().refusal("https://unknown.example.com/x")).get().asString().contains("cannot be resolved");
    }

    @Test
    void theAllowListLiftsSchemeAndAddressRules() {
        WebhookTargetPolicy p = policy("internal.corp", "*.hooks.internal", "172.16.0.0/12", "127.0.0.1");
        assertThat(p.refusal("http://internal.corp/x")).isEmpty();
        assertThat(p.refusal("https://INTERNAL.corp/x")).isEmpty();
        assertThat(p.refusal("https://a.hooks.internal/x")).isEmpty();
        assertThat(p.refusal("http://svc.cluster.local:8080/x")).as("all its addresses in an allowed range").isEmpty();
        assertThat(p.refusal("http://127.0.0.1:5000/x")).isEmpty();
        assertThat(p.refusal("https://127.0.0.2/x")).as("only the listed address").isPresent();
        assertThat(p.refusal("https://10.0.0.1/x")).isPresent();
        assertThat(p.refusal("https://mixed.example.com/x")).isPresent();
        assertThat(p.refusal("http://hooks.example.com/x")).as("public but not allow-listed: https only").isPresent();
    }

    @Test
    void theConnectTimeResolverRefusesUnsafeAddresses() throws UnknownHostException {
        assertThat(policy().resolve("hooks.example.com")).hasSize(1);
        assertThatThrownBy(() -> policy().resolve("rebind.example.com"))
                .isInstanceOf(WebhookTargetPolicy.BlockedTargetException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy().resolve("mixed.example.com"))
                .isInstanceOf(WebhookTargetPolicy.BlockedTargetException.class);
        assertThat(policy("127.0.0.1").resolve("127.0.0.1")).hasSize(1);
    }

    @Test
    void invalidAllowListEntriesAreRejected() {
        assertThatThrownBy(() -> policy("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy("https://x.example.com/")).isInstanceOf(IllegalArgumentException.class);
    }
}
