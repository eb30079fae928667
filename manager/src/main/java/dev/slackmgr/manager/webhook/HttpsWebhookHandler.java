package dev.slackmgr.manager.webhook;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * The built-in handler: POSTs the callback as JSON to {@code http(s)://} targets the {@link WebhookTargetPolicy}
 * allows (slack-interactions.md §6.3). One attempt is bounded by the timeout (connect and response); failed
 * attempts are retried by a resilience4j {@link Retry} – on connection failures, HTTP 429 and 5xx – up to
 * {@code maxAttempts} in all. Not retried: refused targets, unknown hosts, TLS failures, and a response timeout
 * (the target may have acted on the request). Redirects are not followed (a redirect could lead to a blocked
 * address); any final status outside 2xx is a failure.
 */
public final class HttpsWebhookHandler implements WebhookHandler, AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookTargetPolicy policy;
    private final CloseableHttpClient client;
    private final Retry retry;

    public HttpsWebhookHandler(WebhookTargetPolicy policy, Duration timeout, int maxAttempts, Duration retryWait) {
        this.policy = policy;
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        DnsResolver checkedDns = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                InetAddress[] a = resolve(host);
                return a.length == 0 ? host : a[0].getCanonicalHostName();
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedDns)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .build())
                        .setMaxConnTotal(50).setMaxConnPerRoute(10)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.retry = Retry.of("webhook-callback", RetryConfig.<Integer>custom()
                .maxAttempts(maxAttempts)
                .waitDuration(retryWait)
                .retryOnResult(status -> status == 429 || status >= 500)
                .retryOnException(HttpsWebhookHandler::retryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    @Override
    public boolean handles(String target) {
        String t = target.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("https://") || t.startsWith("http://");
    }

    @Override
    public void send(String target, WebhookCallback callback) throws Exception {
        String url = target.trim();
        var refusal = policy.refusal(url);
        if (refusal.isPresent()) {
            throw new WebhookRefusedException("webhook target refused: " + refusal.get());
        }
        String body = JSON.writeValueAsString(callback);
        CheckedSupplier<Integer> attempt = Retry.decorateCheckedSupplier(retry, () -> post(url, body));
        int status;
        try {
            status = attempt.get();
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
        if (status < 200 || status > 299) {
            throw new IOException("webhook target answered HTTP " + status);
        }
    }

    private int post(String url, String body) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    static boolean retryable(Throwable e) {
        if (e instanceof UnknownHostException || e instanceof SSLException) {
            return false;
        }
        if (e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException)) {
            return false;
        }
        return e instanceof IOException;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
