package dev.slackmgr.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;

/**
 * Optional API keys: when at least one key is configured, every endpoint except {@code /ping} and
 * {@code /actuator/**} requires {@code Authorization: Bearer <key>}; keys are compared in constant time.
 * Keys come from the (hot-reloaded) settings file, so they can be rotated without a restart.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    private final Supplier<List<String>> keys;

    public ApiKeyFilter(Supplier<List<String>> keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/ping") || path.startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> configured = keys.get();
        if (configured.isEmpty() || authorised(request.getHeader("Authorization"), configured)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        response.getOutputStream().write("{\"error\":\"Missing or invalid API key\"}".getBytes(StandardCharsets.UTF_8));
    }

    static boolean authorised(String header, List<String> keys) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String key : keys) {
            // no early exit: every key is compared, each comparison is constant-time
            match |= MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }
}
