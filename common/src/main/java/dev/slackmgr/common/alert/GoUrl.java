package dev.slackmgr.common.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * The subset of Go's {@code net/url.ParseRequestURI} that alert validation depends on (alert-schema.md §5.4,
 * §2.3): scheme detection, opaque URIs, authority parsing with host character rules, and percent-escape
 * checks. Like Go, a {@code #} is not treated as a fragment delimiter.
 */
final class GoUrl {
    /** The parts validation needs: the lower-cased scheme and the unescaped host. */
    record Parsed(String scheme, String host) {
    }

    private GoUrl() {
    }

    /** The parsed URL, or empty where Go's {@code url.ParseRequestURI} returns an error. */
    static Optional<Parsed> parseRequestUri(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return Optional.empty();
            }
        }
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.equals("*")) {
            return Optional.of(new Parsed("", ""));
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return Optional.empty();
                }
                scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            return scheme.isEmpty() ? Optional.empty() : Optional.of(new Parsed(scheme, ""));
        }
        String host = "";
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash >= 0 ? authority.substring(slash) : "";
            authority = slash >= 0 ? authority.substring(0, slash) : authority;
            Optional<String> parsedHost = parseAuthority(authority);
            if (parsedHost.isEmpty()) {
                return Optional.empty();
            }
            host = parsedHost.get();
        }
        if (!validEscapes(rest)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(scheme, host));
    }

    private static Optional<String> parseAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : authority.substring(at + 1);
        if (!validHost(host)) {
            return Optional.empty();
        }
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            for (int i = 0; i < userinfo.length(); i++) {
                char c = userinfo.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                    return Optional.empty();
                }
            }
            if (!validEscapes(userinfo)) {
                return Optional.empty();
            }
        }
        return Optional.of(host);
    }

    private static boolean validHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0 || !validOptionalPort(host.substring(close + 1))) {
                return false;
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                return false;
            }
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (!validEscapeAt(host, i)) {
                    return false;
                }
                // In a host, %-encoding is only allowed for non-ASCII bytes (and %25 for IPv6 zones).
                if (Character.digit(host.charAt(i + 1), 16) < 8 && !host.startsWith("%25", i)) {
                    return false;
                }
                i += 2;
            } else if (c < 0x80 && !hostChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean validEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (!validEscapeAt(s, i)) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean validEscapeAt(String s, int i) {
        return i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                && Character.digit(s.charAt(i + 2), 16) >= 0 && s.charAt(i + 1) < 0x80 && s.charAt(i + 2) < 0x80;
    }
}
