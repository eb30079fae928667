package dev.slackmgr.manager.webhook;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook targets the manager may call (issue #5: no server-side request forgery through alert webhooks).
 * By default only {@code https://} URLs whose host resolves exclusively to public addresses: every address the
 * host resolves to is checked, and a single loopback, link-local (including cloud metadata {@code 169.254.169.254}),
 * private (RFC 1918, IPv6 unique-local, site-local), shared (100.64/10), unspecified, multicast or reserved address
 * refuses the target.
 *
 * <p>The allow-list ({@code slackmgr.webhooks.allowed-targets}) lifts both rules – scheme and address – for the
 * targets it names: a host name (exact, case-insensitive; {@code *.example.com} for its subdomains), an IP
 * address, or a CIDR range (then every address the host resolves to must lie in allowed ranges).
 *
 * <p>{@link #resolve} is also the HTTP client's DNS resolver, so the addresses actually connected to are the checked
 * ones (a host re-resolving to another address between the check and the connection is caught too).
 */
public final class WebhookTargetPolicy {

    /** Looks up a host's addresses ({@code InetAddress::getAllByName} in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target the policy refuses; an {@link UnknownHostException} so HTTP clients treat it as "cannot resolve". */
    public static final class BlockedTargetException extends UnknownHostException {
        public BlockedTargetException(String message) {
            super(message);
        }
    }

    private final List<String> hostNames = new ArrayList<>();
    private final List<String> hostSuffixes = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();
    private final Resolver resolver;

    /**
     * @param allowList host names, {@code *.domain} wildcards, IP addresses and CIDR ranges
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public WebhookTargetPolicy(List<String> allowList, Resolver resolver) {
        this.resolver = resolver;
        for (String raw : allowList == null ? List.<String>of() : allowList) {
            String entry = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/")) {
                ranges.add(Cidr.parse(entry));
            } else if (isIpLiteral(entry)) {
                ranges.add(Cidr.parse(entry + (entry.contains(":") ? "/128" : "/32")));
            } else if (entry.startsWith("*.") && entry.length() > 2) {
                hostSuffixes.add(entry.substring(1));
            } else if (entry.matches("[a-z0-9.-]+")) {
                hostNames.add(entry);
            } else {
                throw new IllegalArgumentException("webhook allow-list entry '" + raw
                        + "' is not a host name, *.domain, IP address or CIDR range");
            }
        }
    }

    /** The default policy: the system resolver, nothing allow-listed. */
    public static WebhookTargetPolicy strict() {
        return new WebhookTargetPolicy(List.of(), InetAddress::getAllByName);
    }

    /** Why {@code url} must not be called, or empty when it may be. Resolves the host. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("not an http(s) URL with a host");
        }
        if (allowedByName(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " cannot be resolved");
        }
        if (addresses.length > 0 && allInAllowedRanges(addresses)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("only https:// targets are allowed (" + host + " is not allow-listed)");
        }
        return unsafe(host, addresses);
    }

    /**
     * Resolves {@code host} for a connection and refuses it unless every address may be connected to (allow-listed
     * by name or range, or public).
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String h = stripBrackets(host.toLowerCase(Locale.ROOT));
        InetAddress[] addresses = resolver.resolve(h);
        if (allowedByName(h) || allInAllowedRanges(addresses)) {
            return addresses;
        }
        Optional<String> refusal = unsafe(h, addresses);
        if (refusal.isPresent()) {
            throw new BlockedTargetException(refusal.get());
        }
        return addresses;
    }

    private Optional<String> unsafe(String host, InetAddress[] addresses) {
        if (addresses.length == 0) {
            return Optional.of("host " + host + " has no address");
        }
        for (InetAddress a : addresses) {
            Optional<String> kind = unsafeKind(a);
            if (kind.isPresent()) {
                return Optional.of("host " + host + " resolves to " + kind.get() + " address "
                        + a.getHostAddress() + " (not allow-listed)");
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address {@code a} is, or empty for a public one. */
    static Optional<String> unsafeKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        for (Cidr c : RESERVED) {
            if (c.contains(a)) {
                return Optional.of(c.kind);
            }
        }
        return Optional.empty();
    }

    private static final List<Cidr> RESERVED = List.of(
            Cidr.parse("0.0.0.0/8").kind("a reserved"),
            Cidr.parse("100.64.0.0/10").kind("a shared (carrier-grade NAT)"),
            Cidr.parse("192.0.0.0/24").kind("a reserved"),
            Cidr.parse("198.18.0.0/15").kind("a benchmarking"),
            Cidr.parse("240.0.0.0/4").kind("a reserved"),
            Cidr.parse("fc00::/7").kind("a private (unique-local)"),
            Cidr.parse("::/128").kind("an unspecified"),
            Cidr.parse("64:ff9b::/96").kind("a NAT64"),
            Cidr.parse("2001:db8::/32").kind("a documentation"));

    private boolean allowedByName(String host) {
        if (hostNames.contains(host)) {
            return true;
        }
        return hostSuffixes.stream().anyMatch(host::endsWith);
    }

    private boolean allInAllowedRanges(InetAddress[] addresses) {
        if (ranges.isEmpty() || addresses.length == 0) {
            return false;
        }
        for (InetAddress a : addresses) {
            if (ranges.stream().noneMatch(r -> r.contains(a))) {
                return false;
            }
        }
        return true;
    }

    private static String host(URI uri) {
        String h = uri.getHost();
        return h == null ? "" : stripBrackets(h.toLowerCase(Locale.ROOT));
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9a-f:.]+"));
    }

    /** An address range. */
    static final class Cidr {
        private final BigInteger network;
        private final int bits;
        private final int length;
        private String kind = "";

        private Cidr(BigInteger network, int bits, int length) {
            this.network = network;
            this.bits = bits;
            this.length = length;
        }

        Cidr kind(String k) {
            this.kind = k;
            return this;
        }

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String addr = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!isIpLiteral(addr)) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR range");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(addr).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR range", e);
            }
            int total = bytes.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? total : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR range", e);
            }
            if (prefix < 0 || prefix > total) {
                throw new IllegalArgumentException("'" + cidr + "': prefix length out of range");
            }
            return new Cidr(mask(new BigInteger(1, bytes), prefix, total), prefix, total);
        }

        boolean contains(InetAddress a) {
            byte[] bytes = a.getAddress();
            if (bytes.length * 8 != length) {
                return false;
            }
            return mask(new BigInteger(1, bytes), bits, length).equals(network);
        }

        private static BigInteger mask(BigInteger value, int prefix, int total) {
            return value.shiftRight(total - prefix);
        }
    }
}
