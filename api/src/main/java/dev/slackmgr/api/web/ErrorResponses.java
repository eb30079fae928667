package dev.slackmgr.api.web;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/**
 * Writes {@code {"error": …}} straight to the servlet response. No content negotiation: the error is JSON whatever
 * the request's {@code Accept} says, and nothing depends on the request's (possibly bogus) character encoding. Going
 * through Spring's message converters, {@code Accept: image/png} made the error handler itself fail (the client got
 * an empty 400 or a closed connection) and {@code Content-Type: text/html; charset="ÿ"} turned a 405 into a 500
 * (both found by {@code HttpFuzzTest}).
 */
final class ErrorResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {
    }

    static void write(HttpServletResponse response, int status, ErrorBody body, Map<String, String> headers)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType("application/json");
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
