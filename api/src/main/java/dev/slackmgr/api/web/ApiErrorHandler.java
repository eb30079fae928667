package dev.slackmgr.api.web;

import dev.slackmgr.api.ingest.IngestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns every refusal into {@code {"error": "..."}} (rest-api.md §3) and reports it to the error-report
 * channel when one is configured (§3.1).
 */
@RestControllerAdvice
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final Optional<ErrorReporter> reporter;

    public ApiErrorHandler(Optional<ErrorReporter> reporter) {
        this.reporter = reporter;
    }

    @ExceptionHandler(IngestException.class)
    public void refused(IngestException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.status() >= 500) {
            log.error("{} {} failed with {}: {}", request.getMethod(), request.getRequestURI(), e.status(),
                    e.getMessage(), e.getCause());
        } else {
            log.info("{} {} refused with {}: {}", request.getMethod(), request.getRequestURI(), e.status(),
                    e.getMessage());
        }
        reporter.ifPresent(r -> r.report(e.status(), e.getMessage(), e.alert(), pathChannel(request)));
        ErrorResponses.write(response, e.status(), ErrorBody.of(e.status(), e.getMessage()), e.headers());
    }

    /** Unknown paths, and known paths with another method, are 404 as in the reference, but with JSON. */
    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    public void notFound(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(response, 404,
                new ErrorBody("404 page not found: " + request.getMethod() + " " + request.getRequestURI()), Map.of());
    }

    @ExceptionHandler(Exception.class)
    public void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
        reporter.ifPresent(r -> r.report(500, String.valueOf(e.getMessage()), null, pathChannel(request)));
        ErrorResponses.write(response, 500, new ErrorBody("Internal server error"), Map.of());
    }

    private static String pathChannel(HttpServletRequest request) {
        Object vars = request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof java.util.Map<?, ?> m && m.get("slackChannelId") instanceof String s) {
            return s;
        }
        return "";
    }
}
