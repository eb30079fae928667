package dev.slackmgr.api.acceptance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile HTTP requests for the alert endpoints (issue #8 item 6): malformed, truncated,
 * deeply nested, oversize, wrongly typed and unicode-edge bodies, with odd content types, lying or conflicting
 * lengths, broken chunked encodings, other methods, odd paths and headers. The same seed gives the same
 * sequence, so a failing case can be replayed from its number.
 */
final class HostileRequests {
    /** Where the request goes, so the test knows how the server reads a body it accepted. */
    enum Endpoint { ALERTS, PROMETHEUS, TEST, OTHER }

    /**
     * One request. {@code body} is what the server sees as the body if it reads it to the end ({@code null} when
     * the framing is broken so no 2xx is acceptable); {@code wellFramed} is false when the request is not valid
     * HTTP/1.1 (the server may answer a plain 400 or close the connection).
     */
    record Case(int number, String kind, String method, byte[] request, boolean halfClose, boolean head,
                boolean wellFramed, Endpoint endpoint, String pathChannel, byte[] body) {
        String summary() {
            String text = new String(request, StandardCharsets.ISO_8859_1);
            String shown = text.length() > 400 ? text.substring(0, 400) + "…(" + request.length + " bytes)" : text;
            return "#" + number + " [" + kind + "] " + shown.replace("\r\n", "⏎ ");
        }
    }

    static final String[] CHANNELS = {"C123", "C456", "c123", " C123 ", "CARCHIVED", "CNOBOT", "CBIG", "C999999",
            "alerts", "ops", "#alerts", "", "C" + "1".repeat(80), "C1/2", "C\u00e9", "C 1"};
    private static final String[] SEVERITIES = {"error", "warning", "info", "resolved", "panic", "critical", "ERROR",
            "", " Warning ", "recovered", "fatal", "\u0130NFO"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
            "application/json; charset=utf-16", "application/json; charset=bogus", "*/*", "", "a/b/c;;;=",
            "application/json;;charset=", "text/html; charset=\"\u00ff\"", ";", "application/jsonx", "\u0000"};
    private static final String[] ACCEPTS = {"application/json", "*/*", "text/html", "image/png", "text/plain",
            "application/xml", "", "garbage", "application/json;q=0", "*/*;q=x", "text/*, application/*;q=0.1"};
    private static final String[] METHODS = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO",
            "post", "CONNECT", "PROPFIND", "P\u00d6ST"};
    private static final String[] SUFFIXES = {"/", "//", "/C123/", "/C123/extra", "/..", "/%2e%2e", "/%00",
            "/%2F", "/C123%2FC456", "/;jsessionid=1", "/C123;x=y", "/%ZZ", "/%C3%A9", "/%ED%A0%80", "/%FF",
            "/" + "A".repeat(3000), "?a=1&a=2", "?%", "?x=%00", "#frag", "/./", "/C123?slackChannelId=C456", "\\x"};
    /** Odd paths; those that may still reach an ingest handler say which (a 2xx is then checked against Redis). */
    private static final String[][] ODD_PATHS = {{"/"}, {"/alert/"}, {"/alertss"}, {"/ALERTS"},
            {"/alerts/../alerts", "ALERTS"}, {"/./alerts", "ALERTS"}, {"//alerts", "ALERTS"},
            {"/prometheus-alert/../alert", "ALERTS"}, {"/actuator/../alerts", "ALERTS"}, {"/ping/../alerts", "ALERTS"},
            {"/actuator/..;/alerts", "ALERTS"}, {"/%61lerts", "ALERTS"}, {"/alerts%20"}, {"*"}, {"alerts"},
            {"http://127.0.0.1/alerts", "ALERTS"}, {"/error"}, {"/actuator/shutdown"}, {"/mappings"}, {"/channels"},
            {"/alerts-test/C123", "TEST"}, {"/prometheus-alert/%00"}, {"/alerts;a=b", "ALERTS"}};
    private static final String[] STRINGS = {"x", "", " ", "Disk full", "\\u0000", "\\ud800", "\\udc00x\\ud800",
            "\\ud83d\\ude00", "\u202e\u0645\u0631\u062d\u0628\u0627", "e\u0301\u0301\u0301", "\uffff\ufffe",
            "\u2028\u2029", "\u00a0\u1680\u3000", "\ufeff", ":status:", "<!here>", "<@U123>", "\\\"", "\\\\",
            "\\/", "\\b\\f\\n\\r\\t", "\\u00", "a\"b", "\t", "\u0085", "\uD83D\uDE00", "\u212a\u017f", "\u0130",
            "https://example.com/x", "ftp://x", "javascript:alert(1)", "%s%n%x", "${jndi:ldap://x/a}", "' OR 1=1 --",
            "\u0000", "C123", "```"};
    private static final String[] FIELDS = {"timestamp", "correlationId", "type", "header", "headerWhenResolved",
            "text", "textWhenResolved", "fallbackText", "author", "host", "footer", "link", "issueFollowUpEnabled",
            "autoResolveSeconds", "autoResolveAsInconclusive", "severity", "slackChannelId", "routeKey", "username",
            "iconEmoji", "fields", "notificationDelaySeconds", "archivingDelaySeconds", "escalation",
            "ignoreIfTextContains", "webhooks", "metadata", "failOnRateLimitError", "alerts", "HEADER",
            "slackchannelid", "slac\u212achannelid"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "30", "3600", "63113852", "1.5", "1e3", "1E+2",
            "-1e-400", "1e400", "1e372036854775807", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890", "0x10", "01", "+1", ".5", "5.", "NaN",
            "Infinity", "-", "1e", "1" + "0".repeat(1200)};

    private final Random random;
    private final int port;
    private final long maxBodyBytes;
    private int number;

    HostileRequests(long seed, int port, long maxBodyBytes) {
        this.random = new Random(seed);
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
    }

    Case next() {
        number++;
        int r = random.nextInt(100);
        if (r < 3) {
            return rawGarbage();
        }
        if (r < 9) {
            return otherMethodOrPath();
        }
        Endpoint endpoint = random.nextInt(4) == 0 ? Endpoint.PROMETHEUS : Endpoint.ALERTS;
        String channel = random.nextInt(3) == 0 ? pick(CHANNELS) : null;
        String kind;
        byte[] body;
        int b = random.nextInt(100);
        if (b < 15) {
            kind = "valid";
            body = utf8(endpoint == Endpoint.PROMETHEUS ? validPrometheus() : validAlerts());
        } else if (b < 40) {
            kind = "mutated";
            body = mutate(utf8(endpoint == Endpoint.PROMETHEUS ? validPrometheus() : validAlerts()));
        } else if (b < 55) {
            kind = "wrong-types";
            body = utf8(endpoint == Endpoint.PROMETHEUS ? wrongTypePrometheus() : wrongTypeAlert());
        } else if (b < 63) {
            kind = "deep";
            body = utf8(deep());
        } else if (b < 75) {
            kind = "unicode";
            body = unicodeEdge(endpoint);
        } else if (b < 82) {
            kind = "random-json";
            body = utf8(randomJson(0));
        } else if (b < 87) {
            kind = "bytes";
            body = randomBytes(random.nextInt(300));
        } else if (b < 95) {
            kind = "tiny";
            body = utf8(pick(new String[]{"", " ", "null", "[]", "{}", "[null]", "\"x\"", "0", "true", "[[]]",
                    "{\"alerts\":[]}", "{\"alerts\":null}", "{\"alerts\":[null]}", "\ufeff{}", "[{}]", "{\"\":{}}",
                    "{\"alerts\":{}}", "[1]", "{]", "\u0000", "{\"header\":\"x\"}\u0000", "[{\"header\":\"x\"}]]"}));
        } else {
            kind = "oversize";
            body = oversize();
        }
        String path = (endpoint == Endpoint.PROMETHEUS ? "/prometheus-alert" : pick(new String[]{"/alert", "/alerts"}))
                + (channel == null ? "" : "/" + percentEncode(channel));
        if (random.nextInt(20) == 0) {
            path += pick(new String[]{"?x=1", "?slackChannelId=C456", "?" + "q".repeat(2000), "?%FF=%00"});
        }
        return frame(kind, "POST", path, endpoint, channel, body);
    }

    /** Frames {@code body} with random headers and a random (sometimes lying or broken) body encoding. */
    private Case frame(String kind, String method, String path, Endpoint endpoint, String channel, byte[] body) {
        ByteArrayOutputStream req = new ByteArrayOutputStream(body.length + 256);
        // a method that is not an HTTP token, or a fragment in the request target, is not HTTP (Tomcat refuses and
        // closes; the unread body can make the client's TCP stack drop the refusal)
        boolean wellFramed = method.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") && !path.contains("#");
        String version = "HTTP/1.1";
        if (random.nextInt(60) == 0) {
            version = pick(new String[]{"HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1.1 extra", "http/1.1", ""});
            wellFramed &= version.equals("HTTP/1.0");
        }
        write(req, method + " " + path + (version.isEmpty() ? "" : " " + version) + "\r\n");
        if (random.nextInt(50) != 0) {
            write(req, "Host: 127.0.0.1:" + port + "\r\n");
        } else if (version.equals("HTTP/1.1")) {
            wellFramed = false; // HTTP/1.1 requires Host
        }
        if (random.nextInt(6) != 0) {
            write(req, "Content-Type: " + pick(CONTENT_TYPES) + "\r\n");
        }
        if (random.nextInt(5) == 0) {
            write(req, "Accept: " + pick(ACCEPTS) + "\r\n");
        }
        if (random.nextInt(12) == 0) {
            String h = pick(new String[]{"Authorization: Bearer " + "k".repeat(random.nextInt(100)),
                    "Authorization: Basic !!!", "Expect: 100-continue", "Expect: 42-foo", "Connection: close",
                    "Connection: keep-alive, Upgrade", "Upgrade: h2c", "X-Forwarded-For: ::1, \u00ff",
                    "Accept-Charset: utf-16", "Accept-Encoding: gzip", "Content-Encoding: gzip", "Range: bytes=0-1",
                    "Cookie: JSESSIONID=x; a=b", "X-Unicode: \u00e9\u00ff", "Content-Language: \u0000"});
            write(req, h + "\r\n");
            if (h.startsWith("Expect: 42")) {
                wellFramed = false; // 417 allowed
            }
        }
        if (random.nextInt(100) == 0) {
            wellFramed = false;
            write(req, pick(new String[]{"X-Long: " + "v".repeat(20_000), "NoColonHeader", "Bad Name: x",
                    " Folded: x", "X-Nul: a\u0000b", ": empty-name"}) + "\r\n");
        }
        for (byte x : req.toByteArray()) {
            if ((x >= 0 && x < 0x20 && x != '\t' && x != '\r' && x != '\n') || x == 0x7F) {
                wellFramed = false; // a control character in the request line or a header is not HTTP
            }
        }
        boolean halfClose = false;
        byte[] serverBody = body;
        int f = random.nextInt(100);
        if (f < 75) {
            write(req, "Content-Length: " + body.length + "\r\n\r\n");
            req.writeBytes(body);
        } else if (f < 85) {
            write(req, "Transfer-Encoding: chunked\r\n\r\n");
            req.writeBytes(chunked(body));
        } else if (f < 89 && body.length > 0) {
            // declared longer than sent: the server sees the end of the stream early
            write(req, "Content-Length: " + (body.length + 1 + random.nextInt(1000)) + "\r\n\r\n");
            req.writeBytes(body);
            halfClose = true;
            serverBody = null;
            // an incomplete request: Tomcat reports the failed read as an I/O error and answers a plain 400 or
            // closes the connection, without letting the application write a body
            wellFramed = false;
            kind += "+short-body";
        } else if (f < 92 && body.length > 1) {
            // declared shorter than sent: the rest is read as the next (garbage) request on the connection
            int declared = random.nextInt(body.length);
            write(req, "Content-Length: " + declared + "\r\n\r\n");
            req.writeBytes(body);
            halfClose = true;
            serverBody = java.util.Arrays.copyOf(body, declared);
            kind += "+long-body";
        } else if (f < 95) {
            write(req, pick(new String[]{"Content-Length: -1", "Content-Length: abc", "Content-Length: 1, 2",
                    "Content-Length: 99999999999999999999", "Content-Length: " + body.length + "\r\nContent-Length: "
                    + (body.length + 1), "Content-Length: 0x10", "Content-Length:  +" + body.length})
                    + "\r\n\r\n");
            req.writeBytes(body);
            halfClose = true;
            wellFramed = false;
            serverBody = null;
            kind += "+bad-length";
        } else if (f < 97) {
            write(req, "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            req.writeBytes(chunked(body));
            wellFramed = false; // RFC 9112: may be refused with 400
            kind += "+cl-and-te";
        } else {
            write(req, "Transfer-Encoding: " + pick(new String[]{"chunked", "gzip, chunked", "identity", "chunked, gzip",
                    "xchunked"}) + "\r\n\r\n");
            req.writeBytes(brokenChunked(body));
            halfClose = true;
            wellFramed = false;
            serverBody = null;
            kind += "+bad-chunks";
        }
        return new Case(number, kind, method, req.toByteArray(), halfClose, method.equals("HEAD"), wellFramed,
                endpoint, channel, serverBody);
    }

    private Case rawGarbage() {
        byte[] junk = random.nextBoolean() ? randomBytes(1 + random.nextInt(200))
                : utf8(pick(new String[]{"GET\r\n\r\n", "POST /alerts\r\n\r\n", "\r\n\r\n", "POST /alerts HTTP/1.1\r\n",
                "POST /alerts HTTP/1.1\nHost: x\n\n", "POST  /alerts  HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /alerts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{}",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "POST /al\u0000erts HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /alerts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n"}));
        return new Case(number, "garbage", "?", junk, true, false, false, Endpoint.OTHER, null, null);
    }

    private Case otherMethodOrPath() {
        String base = pick(new String[]{"/alert", "/alerts", "/prometheus-alert"});
        if (random.nextBoolean()) {
            String method = pick(METHODS);
            String body = random.nextBoolean() ? validAlerts() : "";
            return frame("method", method, base, Endpoint.OTHER, null, utf8(body));
        }
        Endpoint endpoint;
        String path;
        if (random.nextBoolean()) {
            // the handler may still be reached (query strings, path parameters, a channel segment)
            path = base + pick(SUFFIXES);
            endpoint = base.equals("/prometheus-alert") ? Endpoint.PROMETHEUS : Endpoint.ALERTS;
        } else {
            String[] odd = ODD_PATHS[random.nextInt(ODD_PATHS.length)];
            path = odd[0];
            endpoint = odd.length > 1 ? Endpoint.valueOf(odd[1]) : Endpoint.OTHER;
        }
        String body = endpoint == Endpoint.PROMETHEUS ? validPrometheus() : validAlerts();
        return frame("path", "POST", path, endpoint, null, utf8(body));
    }

    // ---- bodies ----

    String validAlerts() {
        int n = 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            alerts.add(validAlert());
        }
        String ws = pick(new String[]{"", " ", "\n  ", "\t"});
        if (n == 1 && random.nextBoolean()) {
            return ws + alerts.get(0);
        }
        if (random.nextBoolean()) {
            return ws + "[" + String.join("," + ws, alerts) + "]" + ws;
        }
        return "{\"alerts\":[" + String.join(",", alerts) + "]}";
    }

    private String validAlert() {
        StringBuilder b = new StringBuilder("{");
        b.append("\"slackChannelId\":\"").append(pick(new String[]{"C123", "C456", "c123", " C456"})).append("\"");
        b.append(",\"header\":\"fuzz ").append(number).append(' ').append(pick(new String[]{"Disk full",
                "\u00e9\u00e8 \ud83d\ude00", ":status: down", "x".repeat(200)})).append("\"");
        if (random.nextBoolean()) {
            b.append(",\"severity\":\"").append(pick(SEVERITIES)).append("\"");
        }
        if (random.nextBoolean()) {
            b.append(",\"text\":\"").append(pick(new String[]{"body", "```code```", "noise here", "t".repeat(12000)}))
                    .append("\"");
        }
        if (random.nextInt(4) == 0) {
            b.append(",\"ignoreIfTextContains\":[\"noise\"]");
        }
        if (random.nextInt(4) == 0) {
            b.append(",\"correlationId\":\"c-").append(random.nextInt(50)).append("\"");
        }
        if (random.nextInt(4) == 0) {
            b.append(",\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":").append(pick(new String[]{"30", "3600",
                    "10", "63113852"}));
        }
        if (random.nextInt(5) == 0) {
            b.append(",\"fields\":[{\"title\":\"t\",\"value\":\"v\"},null]");
        }
        if (random.nextInt(5) == 0) {
            b.append(",\"escalation\":[{\"severity\":\"panic\",\"delaySeconds\":60,\"slackMentions\":[\"<!here>\"]}]");
        }
        if (random.nextInt(5) == 0) {
            b.append(",\"metadata\":{\"k\":[1,2.5,\"x\",null,{\"n\":true}]}");
        }
        if (random.nextInt(10) == 0) {
            b.append(",\"webhooks\":[{\"id\":\"w\",\"url\":\"https://example.com\",\"buttonText\":\"Go\"}]");
        }
        if (random.nextInt(6) == 0) {
            b.append(",\"timestamp\":\"").append(pick(new String[]{"2020-01-01T00:00:00Z", "2999-12-31T23:59:59.999999999+14:00",
                    "0001-01-01T00:00:00Z"})).append("\"");
        }
        return b.append("}").toString();
    }

    String validPrometheus() {
        int n = 1 + random.nextInt(3);
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            alerts.add("{\"status\":\"" + pick(new String[]{"firing", "resolved", ""}) + "\",\"labels\":{\"alertname\":\"A"
                    + random.nextInt(20) + "\",\"channel\":\"" + pick(new String[]{"C123", "C456", "c123"})
                    + "\",\"severity\":\"" + pick(SEVERITIES) + "\"},\"annotations\":{\"summary\":\"fuzz " + number
                    + "\",\"autoResolveSeconds\":\"" + pick(NUMBERS) + "\"},\"startsAt\":\"2026-01-10T11:00:00."
                    + random.nextInt(1000) + "Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"}");
        }
        return "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"A\\\"}\",\"status\":\"firing\",\"alerts\":["
                + String.join(",", alerts) + "]}";
    }

    private String wrongTypeAlert() {
        StringBuilder b = new StringBuilder("{\"slackChannelId\":\"C123\",\"header\":\"x\"");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append(",\"").append(pick(FIELDS)).append("\":").append(randomJson(2));
        }
        return b.append("}").toString();
    }

    private String wrongTypePrometheus() {
        String[] where = {"{\"alerts\":%s}", "{\"alerts\":[%s]}", "{\"alerts\":[{\"labels\":%s}]}",
                "{\"alerts\":[{\"labels\":{\"channel\":%s}}]}", "{\"alerts\":[{\"startsAt\":%s}]}",
                "{\"alerts\":[{\"annotations\":{\"autoResolveSeconds\":%s}}]}", "{\"truncatedAlerts\":%s,\"alerts\":[{}]}",
                "{\"groupKey\":%s,\"alerts\":[{\"labels\":{\"channel\":\"C123\"}}]}", "{\"alerts\":[{\"status\":%s}]}",
                "{\"commonLabels\":%s,\"alerts\":[{}]}"};
        return String.format(pick(where), randomJson(2));
    }

    private String deep() {
        int depth = pick(new int[]{10, 100, 499, 500, 501, 1000, 5000, 50_000, 300_000});
        return switch (random.nextInt(5)) {
            case 0 -> "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            case 2 -> "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"metadata\":" + "{\"a\":".repeat(depth) + "null"
                    + "}".repeat(depth) + "}";
            case 3 -> "{\"alerts\":[{\"header\":\"x\",\"slackChannelId\":\"C123\",\"metadata\":{\"m\":" + "[".repeat(depth)
                    + "]".repeat(depth) + "}}]}";
            default -> "{\"alerts\":[{\"labels\":" + "{\"a\":".repeat(depth) + "\"x\"" + "}".repeat(depth) + "}]}";
        };
    }

    private byte[] unicodeEdge(Endpoint endpoint) {
        String s = pick(STRINGS) + pick(STRINGS);
        String json = endpoint == Endpoint.PROMETHEUS
                ? "{\"alerts\":[{\"labels\":{\"channel\":\"C123\",\"" + s + "\":\"" + s + "\",\"summary\":\"" + s + "\"}}]}"
                : "{\"slackChannelId\":\"" + pick(new String[]{"C123", s}) + "\",\"header\":\"" + s + "\",\"text\":\""
                + s + "\",\"" + s + "\":1,\"metadata\":{\"" + s + "\":\"" + s + "\"}}";
        byte[] bytes = utf8(json);
        int r = random.nextInt(4);
        if (r == 0) {
            // raw invalid UTF-8 somewhere inside a string value
            byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
            int at = json.indexOf("\"header\"") > 0 ? json.indexOf("\"header\"") + 10 : bytes.length / 2;
            at = Math.min(at, bytes.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, at);
            out.writeBytes(bad[random.nextInt(bad.length)]);
            out.write(bytes, at, bytes.length - at);
            return out.toByteArray();
        }
        if (r == 1) {
            return (new String(bytes, StandardCharsets.UTF_8)).getBytes(pick(new java.nio.charset.Charset[]{
                    StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1}));
        }
        if (r == 2) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.writeBytes(bytes);
            return out.toByteArray();
        }
        return bytes;
    }

    private String randomJson(int depth) {
        int r = random.nextInt(depth > 4 ? 6 : 9);
        return switch (r) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2, 3 -> pick(NUMBERS);
            case 4, 5 -> "\"" + pick(STRINGS) + "\"";
            case 6, 7 -> {
                StringBuilder b = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append(randomJson(depth + 1));
                }
                yield b.append("]").toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String key = random.nextBoolean() ? pick(FIELDS) : pick(STRINGS);
                    b.append(i == 0 ? "" : ",").append('"').append(key).append("\":").append(randomJson(depth + 1));
                }
                yield b.append("}").toString();
            }
        };
    }

    private byte[] mutate(byte[] in) {
        byte[] b = in.clone();
        int ops = 1 + random.nextInt(3);
        for (int k = 0; k < ops && b.length > 0; k++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b = java.util.Arrays.copyOf(b, at); // truncate
                case 1 -> b[at] = (byte) random.nextInt(256); // flip a byte
                case 2 -> b[at] = (byte) "{}[],:\"\\ 0-e.".charAt(random.nextInt(13)); // structural byte
                case 3 -> { // delete a range
                    int len = random.nextInt(Math.min(20, b.length - at) + 1);
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 4 -> { // duplicate a range
                    int len = random.nextInt(Math.min(40, b.length - at) + 1);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, at + len);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
                default -> { // insert a token
                    byte[] t = utf8(pick(new String[]{"null", ",", "\"", "\\", "}", "]", "[", "{", "1e999", "\\ud800",
                            ",\"header\":1", "\u0000", "\ufeff"}));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, at);
                    out.writeBytes(t);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
            }
        }
        return b;
    }

    private byte[] oversize() {
        long size = maxBodyBytes + 1 + random.nextInt(4096);
        if (random.nextInt(4) == 0) {
            size = maxBodyBytes - random.nextInt(64); // just under the limit: must be decoded, not refused for size
        }
        String prefix = "{\"slackChannelId\":\"C123\",\"header\":\"big\",\"text\":\"";
        int fill = (int) Math.max(0, size - prefix.length() - 2);
        return utf8(prefix + "y".repeat(fill) + "\"}");
    }

    private byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        int i = 0;
        while (i < body.length) {
            int n = Math.min(body.length - i, 1 + random.nextInt(8192));
            write(out, Integer.toHexString(n) + (random.nextInt(10) == 0 ? ";ext=1" : "") + "\r\n");
            out.write(body, i, n);
            write(out, "\r\n");
            i += n;
        }
        write(out, "0\r\n\r\n");
        return out.toByteArray();
    }

    private byte[] brokenChunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        switch (random.nextInt(5)) {
            case 0 -> write(out, "zz\r\n"); // not hex
            case 1 -> write(out, Integer.toHexString(body.length + 10) + "\r\n"); // longer than sent
            case 2 -> write(out, "fffffffffffffffffff\r\n"); // overflow
            case 3 -> write(out, "-1\r\n");
            default -> write(out, Integer.toHexString(body.length) + "\r\n"); // no terminating chunk
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String percentEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        // header bytes as sent on the wire: characters above U+00FF become UTF-8, below stay single bytes
        boolean latin1 = s.chars().allMatch(c -> c < 0x100);
        out.writeBytes(s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }
}
