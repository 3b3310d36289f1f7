package io.rowdesk.action.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a name and checks every address it resolves to against the {@link EgressPolicy}; the
 * client then connects to exactly these checked addresses, so a name cannot be re-resolved to
 * another address between the check and the connection. The URI being sent is set by {@link
 * OutboundHttp} for the calling thread (the classic client resolves on the calling thread).
 */
final class CheckingDnsResolver implements DnsResolver {
    private static final ThreadLocal<URI> TARGET = new ThreadLocal<>();

    private final EgressPolicy policy;

    CheckingDnsResolver(EgressPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy is null");
    }

    static void target(URI uri) {
        if (uri == null) {
            TARGET.remove();
        } else {
            TARGET.set(uri);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        URI target = TARGET.get();
        if (target == null || !host.equalsIgnoreCase(bare(target.getHost()))) {
            throw new DestinationRefusedException(
                    "refused to resolve " + host + ": not the destination being sent to");
        }
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            var problem = policy.check(target, address);
            if (problem.isPresent()) {
                throw new DestinationRefusedException(problem.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }
}
