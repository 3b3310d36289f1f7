package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.action.http.EgressPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {
    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void only_https_to_public_addresses_without_a_listing() throws Exception {
        EgressPolicy policy = EgressPolicy.publicOnly();
        assertThat(policy.check(URI.create("https://hooks.example.com/x"), ip("93.184.216.34")))
                .isEmpty();
        assertThat(policy.check(URI.create("http://hooks.example.com/x"), ip("93.184.216.34")))
                .isPresent();
        for (String addr :
                List.of(
                        "127.0.0.1",
                        "10.1.2.3",
                        "172.16.0.1",
                        "192.168.1.1",
                        "100.64.0.1",
                        "::1",
                        "fd00::1",
                        "0.0.0.0")) {
            assertThat(policy.check(URI.create("https://x.example.com/"), ip(addr)))
                    .as(addr)
                    .isPresent();
        }
    }

    @Test
    void listed_ips_cidrs_and_host_ports_may_be_reached_over_http_too() throws Exception {
        EgressPolicy policy =
                EgressPolicy.parse(List.of("127.0.0.1", "10.0.0.0/8", "intranet.local:8443"));
        assertThat(policy.check(URI.create("http://127.0.0.1:9/x"), ip("127.0.0.1"))).isEmpty();
        assertThat(policy.check(URI.create("http://svc:80/x"), ip("10.9.9.9"))).isEmpty();
        assertThat(policy.check(URI.create("http://intranet.local:8443/x"), ip("192.168.5.5")))
                .isEmpty();
        assertThat(policy.check(URI.create("http://intranet.local:8444/x"), ip("192.168.5.5")))
                .isPresent();
        assertThat(policy.check(URI.create("http://127.0.0.2/x"), ip("127.0.0.2"))).isPresent();
    }

    @Test
    void a_host_port_listing_allows_that_port_only() throws Exception {
        EgressPolicy policy = EgressPolicy.parse(List.of("127.0.0.1:7070"));
        assertThat(policy.check(URI.create("http://127.0.0.1:7070/demo/receiver"), ip("127.0.0.1")))
                .isEmpty();
        assertThat(policy.check(URI.create("http://127.0.0.1:5432/"), ip("127.0.0.1"))).isPresent();
    }

    @Test
    void the_metadata_address_is_refused_even_when_listed() throws Exception {
        EgressPolicy policy = EgressPolicy.parse(List.of("169.254.0.0/16", "169.254.169.254"));
        assertThat(policy.check(URI.create("http://169.254.169.254/latest"), ip("169.254.169.254")))
                .hasValueSatisfying(p -> assertThat(p).contains("metadata"));
        assertThat(policy.checkUrl(URI.create("http://169.254.169.254/latest"))).isPresent();
    }

    @Test
    void a_bad_entry_is_reported() {
        assertThatThrownBy(() -> EgressPolicy.parse(List.of("not an address")))
                .hasMessageContaining("not an IP, a CIDR");
    }
}
