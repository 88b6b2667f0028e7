package org.voipguard.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAccessListTest {

    @ParameterizedTest
    @ValueSource(strings = {"128.66.0.1", "128.66.0.1, 128.66.0.2, 128.66.0.9", "128.66.0.0/27",
            "128.66.1.1, 128.66.2.0/24", "2001:DB8::1", "2001:DB8::/48", "2001:DB8::/48, 128.66.0.0/27"})
    void acceptsEveryValidExampleOfTheProviderPage(String text) throws Exception {
        IpAccessList list = IpAccessList.parse(text);

        assertThat(list.isEmpty()).isFalse();
        assertThat(list.asEntered()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            300.1.1.1          | 300.1.1.1
            10.0.0.0/33        | 10.0.0.0/33
            192.0.2.1/24       | 192.0.2.1/24
            1.2.3.4,,5.6.7.8   | ''
            '1.2.3.4, '        | ''
            1.2.3.*            | 1.2.3.*
            1.2.3.4-9          | 1.2.3.4-9
            hello              | hello
            1.2.3.4, hello     | hello
            010.1.1.1          | 010.1.1.1
            1.2.3.4/255.255.255.0 | 1.2.3.4/255.255.255.0
            fe80::1%eth0       | fe80::1%eth0
            *                  | *
            """)
    void refusesAMalformedListNamingTheOffendingItem(String text, String offendingItem) {
        assertThatThrownBy(() -> IpAccessList.parse(text))
                .isInstanceOfSatisfying(InvalidAccessListException.class,
                        e -> assertThat(e.item()).isEqualTo(offendingItem))
                .hasMessageContaining("\"" + offendingItem + "\"");
    }

    @Test
    void suggestsTheBlockWhenHostBitsAreSet() {
        assertThatThrownBy(() -> IpAccessList.parse("192.0.2.1/24"))
                .hasMessageContaining("host bits").hasMessageContaining("192.0.2.0/24");
    }

    @Test
    void blankTextIsTheEmptyListThatPermitsEverything() throws Exception {
        assertThat(IpAccessList.parse("  ").isEmpty()).isTrue();
        assertThat(IpAccessList.parse(null).permits("203.0.113.9")).isTrue();
    }

    @Test
    void matchesIpv6AddressesWhateverTheirSpelling() throws Exception {
        IpAccessList single = IpAccessList.parse("2001:DB8::5");
        IpAccessList block = IpAccessList.parse("2001:db8::/48");

        assertThat(single.permits("2001:db8:0:0::5")).isTrue();
        assertThat(block.permits("2001:db8:0:0::5")).isTrue();
        assertThat(block.permits("[2001:DB8:0:FFFF::1]")).isTrue();
        assertThat(block.permits("2001:db8:1::5")).isFalse();
    }

    @Test
    void permitsAnIpv4MappedIpv6AddressByItsIpv4Entry() throws Exception {
        IpAccessList list = IpAccessList.parse("192.0.2.3");

        assertThat(list.permits("::ffff:192.0.2.3")).isTrue();
        assertThat(list.permits("::ffff:192.0.2.4")).isFalse();
    }

    @Test
    void anIpv6BlockDoesNotPermitAnIpv4Address() throws Exception {
        assertThat(IpAccessList.parse("2001:db8::/32").permits("32.1.13.184")).isFalse();
        assertThat(IpAccessList.parse("2000::/3").permits("192.0.2.3")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0/0                              | 0.0.0.0/0                  | every IPv4 address
            ::ffff:0:0/96                          | ::ffff:0:0/96              | every IPv4 address
            '1.2.3.4/32, ::ffff:0:0/96'            | ::ffff:0:0/96              | every IPv4 address
            '0.0.0.0/1, 128.0.0.0/1'               | '0.0.0.0/1, 128.0.0.0/1'   | every IPv4 address
            '::ffff:0.0.0.0/97, 128.0.0.0/1'       | '::ffff:0.0.0.0/97, 128.0.0.0/1' | every IPv4 address
            '10.0.0.0/8, 0.0.0.0/1, 128.0.0.0/1'   | '0.0.0.0/1, 128.0.0.0/1'   | every IPv4 address
            ::fffe:0:0/95                          | ::fffe:0:0/95              | every IPv4 address
            ::/0                                   | ::/0                       | every IPv6 address
            '2001:db8::/32, ::/1, 8000::/1'        | '::/1, 8000::/1'           | every IPv6 address
            """)
    void refusesAListThatAllowsEveryAddressOfAFamilyNamingTheItems(String text, String items, String what) {
        assertThatThrownBy(() -> IpAccessList.parse(text))
                .isInstanceOfSatisfying(InvalidAccessListException.class, e -> assertThat(e.item()).isEqualTo(items))
                .hasMessageContaining(what).hasMessageContaining("an empty list means no restriction");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0", "::ffff:0:0", "0.0.0.0/32", "::/128",
            "128.66.0.1, 0.0.0.0"})
    void refusesTheUnspecifiedAddressAsAnEntry(String text) {
        assertThatThrownBy(() -> IpAccessList.parse(text)).isInstanceOf(InvalidAccessListException.class)
                .hasMessageContaining("unspecified address");
    }

    @Test
    void acceptsBroadButNotUniversalLists() throws Exception {
        IpAccessList list = IpAccessList.parse("0.0.0.0/1, ::ffff:128.0.0.0/98, 2001:db8::/32, 2000::/3");

        assertThat(list.permits("128.0.0.1")).isTrue();
        assertThat(list.permits("192.0.2.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "::ffff:0.0.0.0", "[::]"})
    void theUnspecifiedAddressIsNoSourceAddress(String source) throws Exception {
        assertThat(IpAccessList.canonicalAddress(source)).isEmpty();
        assertThat(IpAccessList.parse("0.0.0.0/8, ::/127").permits(source)).isFalse();
    }

    @Test
    void matchesIpv4BlocksAndSingleAddresses() throws Exception {
        IpAccessList list = IpAccessList.parse("128.66.1.1, 128.66.2.0/24");

        assertThat(list.permits("128.66.1.1")).isTrue();
        assertThat(list.permits("128.66.2.255")).isTrue();
        assertThat(list.permits("128.66.1.2")).isFalse();
        assertThat(list.permits("128.66.3.0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "128.66.2.0/24", "128.66.2.*"})
    void neverPermitsSomethingThatIsNotOneAddress(String source) throws Exception {
        assertThat(IpAccessList.parse("128.66.2.0/24").permits(source)).isFalse();
    }

    @Test
    void givesTheCanonicalTextOfAnAddress() {
        assertThat(IpAccessList.canonicalAddress("2001:DB8:0:0::5")).contains("2001:db8::5");
        assertThat(IpAccessList.canonicalAddress("::ffff:192.0.2.3")).contains("192.0.2.3");
        assertThat(IpAccessList.canonicalAddress("not an address")).isEmpty();
    }
}
