package io.rowdesk.action.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which addresses actions may reach: https to public addresses, and besides those only what {@code
 * server.allow_private_destinations} lists (IPs, CIDRs, {@code host:port}), which may then be
 * reached over http too. Cloud metadata addresses are refused whatever is listed. Checked against
 * every resolved address at every send (see {@link CheckingDnsResolver}), so a name that resolves
 * to a private address later is still refused.
 */
public final class EgressPolicy {
    private static final List<Cidr> NON_PUBLIC =
            List.of(
                    Cidr.parse("0.0.0.0/8"),
                    Cidr.parse("10.0.0.0/8"),
                    Cidr.parse("100.64.0.0/10"),
                    Cidr.parse("127.0.0.0/8"),
                    Cidr.parse("169.254.0.0/16"),
                    Cidr.parse("172.16.0.0/12"),
                    Cidr.parse("192.0.0.0/24"),
                    Cidr.parse("192.0.2.0/24"),
                    Cidr.parse("192.168.0.0/16"),
                    Cidr.parse("198.18.0.0/15"),
                    Cidr.parse("198.51.100.0/24"),
                    Cidr.parse("203.0.113.0/24"),
                    Cidr.parse("224.0.0.0/4"),
                    Cidr.parse("240.0.0.0/4"),
                    Cidr.parse("::/128"),
                    Cidr.parse("::1/128"),
                    Cidr.parse("64:ff9b::/96"),
                    Cidr.parse("100::/64"),
                    Cidr.parse("2001:db8::/32"),
                    Cidr.parse("fc00::/7"),
                    Cidr.parse("fe80::/10"),
                    Cidr.parse("ff00::/8"));
    private static final List<Cidr> METADATA =
            List.of(Cidr.parse("169.254.169.254/32"), Cidr.parse("fd00:ec2::254/128"));

    /** One entry of the allow list. */
    private sealed interface Entry permits CidrEntry, HostPortEntry {}

    private record CidrEntry(Cidr cidr) implements Entry {}

    private record HostPortEntry(String host, int port) implements Entry {}

    private final List<Entry> entries;

    private EgressPolicy(List<Entry> entries) {
        this.entries = new CopyOnWriteArrayList<>(entries);
    }

    /** Nothing private allowed. */
    public static EgressPolicy publicOnly() {
        return new EgressPolicy(List.of());
    }

    /**
     * @throws IllegalArgumentException naming the first entry that is none of IP, CIDR, host:port
     */
    public static EgressPolicy parse(List<String> allowed) {
        List<Entry> entries = new ArrayList<>();
        for (String text : allowed) {
            entries.add(entry(text));
        }
        return new EgressPolicy(entries);
    }

    /** Checks one entry's form; empty when it is fine, else the problem. */
    public static Optional<String> problem(String text) {
        try {
            entry(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Entry entry(String raw) {
        String text = Objects.requireNonNull(raw, "entry is null").trim();
        if (text.contains("/")) {
            return new CidrEntry(Cidr.parse(text));
        }
        boolean hostPort =
                text.matches("[^:\\[\\]]+:\\d+") || text.matches("\\[[0-9a-fA-F:.]+]:\\d+");
        if (!hostPort && isIpLiteral(text)) {
            return new CidrEntry(Cidr.parse(text + (text.contains(":") ? "/128" : "/32")));
        }
        int colon = text.lastIndexOf(':');
        if (colon > 0) {
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port > 0 && port <= 65535 && !host.isBlank()) {
                    return new HostPortEntry(host.toLowerCase(Locale.ROOT), port);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "'" + raw + "' is not an IP, a CIDR (10.0.0.0/8) or a host:port pair");
    }

    /** Allows one more {@code host:port}: the demo's own address once it is known. */
    public void allowHostPort(String host, int port) {
        entries.add(new HostPortEntry(host.toLowerCase(Locale.ROOT), port));
    }

    /**
     * A check without resolving names, for definitions: the scheme, the metadata address, and an
     * http URL must name a listed host.
     */
    public Optional<String> checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https URL, got '" + uri + "'");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host: '" + uri + "'");
        }
        String host = bare(uri.getHost());
        int port = port(uri);
        if (isIpLiteral(host)) {
            InetAddress address = literal(host);
            if (matches(METADATA, address)) {
                return Optional.of("the cloud metadata address is never reachable");
            }
            if (listed(host, port, address)) {
                return Optional.empty();
            }
            if (!isPublic(address)) {
                return Optional.of(
                        "must be https, or a private address listed in"
                                + " server.allow_private_destinations; "
                                + host
                                + " is private");
            }
        } else if (listed(host, port, null)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of(
                    "must be https, or a private address listed in"
                            + " server.allow_private_destinations");
        }
        return Optional.empty();
    }

    /** Whether a connection to {@code address} for {@code uri} may be made; else why not. */
    public Optional<String> check(URI uri, InetAddress address) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (matches(METADATA, address)) {
            return Optional.of("the cloud metadata address is never reachable");
        }
        if (listed(bare(uri.getHost()), port(uri), address)) {
            return Optional.empty();
        }
        if (!isPublic(address)) {
            return Optional.of(
                    uri.getHost()
                            + " resolves to "
                            + address.getHostAddress()
                            + ", a private address not listed in server.allow_private_destinations");
        }
        if (!scheme.equals("https")) {
            return Optional.of("a public address is reached over https only");
        }
        return Optional.empty();
    }

    private boolean listed(String host, int port, InetAddress address) {
        for (Entry entry : entries) {
            if (entry instanceof CidrEntry c && address != null && c.cidr().contains(address)) {
                return true;
            }
            if (entry instanceof HostPortEntry hp && hp.port() == port) {
                if (hp.host().equalsIgnoreCase(host)) {
                    return true;
                }
                if (address != null
                        && isIpLiteral(hp.host())
                        && literal(hp.host()).equals(address)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isPublic(InetAddress address) {
        return !address.isAnyLocalAddress()
                && !address.isLoopbackAddress()
                && !address.isLinkLocalAddress()
                && !address.isSiteLocalAddress()
                && !address.isMulticastAddress()
                && !matches(NON_PUBLIC, address);
    }

    private static boolean matches(List<Cidr> cidrs, InetAddress address) {
        for (Cidr cidr : cidrs) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static String bare(String host) {
        if (host == null) {
            return "";
        }
        return host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }

    static boolean isIpLiteral(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"));
    }

    private static InetAddress literal(String text) {
        try {
            // only ever called on a literal: no lookup happens
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    /** An address block. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!isIpLiteral(host)) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a CIDR such as 10.0.0.0/8");
            }
            byte[] bytes = literal(host).getAddress();
            int bits;
            try {
                bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no prefix length");
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException(
                        "'" + text + "' has a prefix length out of range");
            }
            return new Cidr(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (address instanceof Inet6Address && network.length == 4) {
                return false;
            }
            if (address instanceof Inet4Address && network.length == 16) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
