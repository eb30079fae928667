package dev.slackmgr.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Tomcat's error report for requests refused before they reach Spring MVC (malformed request line or headers, an
 * encoded {@code /} or NUL in the path, an unknown transfer coding, an unsupported HTTP version, …): a JSON
 * {@code {"error": …}} naming the problem instead of Tomcat's HTML page.
 *
 * <p>The protocol layer answers an unknown transfer coding or method with 501 and an unsupported HTTP version
 * with 505. Those are the client's mistakes, and a 5xx tells clients (the Go client, Alertmanager) to retry a
 * request that can never succeed, so they become 400. Other 5xx (an exception that escaped the application)
 * keep their status and say only {@code Internal server error}, as every 5xx of the API does.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String message;
        if (status == 501 || status == 505) {
            message = (status == 501 ? "Request uses a transfer encoding or method the server does not implement"
                    : "Unsupported HTTP version, expected HTTP/1.1") + detail(response.getMessage());
            status = 400;
        } else if (status >= 500) {
            message = "Internal server error";
        } else {
            message = reason(status) + detail(response.getMessage());
        }
        try {
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":\"" + jsonEscape(message) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response is already committed: nothing left to tell the client
        }
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String phrase = known == null ? "Error " + status : known.getReasonPhrase();
        return switch (status) {
            case 400 -> "Bad request: the request is not valid HTTP (request line, path, headers or body framing)";
            case 404 -> "404 page not found";
            default -> phrase;
        };
    }

    private static String detail(String tomcatMessage) {
        if (tomcatMessage == null || tomcatMessage.isBlank()) {
            return "";
        }
        return " (" + tomcatMessage.strip() + ")";
    }

    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
