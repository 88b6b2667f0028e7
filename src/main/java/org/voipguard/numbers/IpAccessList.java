package org.voipguard.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * The addresses a number may register from: single IPv4/IPv6 addresses and CIDR blocks,
 * comma separated, e.g. {@code 128.66.0.1, 2001:DB8::/48}. Empty means no restriction.
 * A malformed list is refused with the offending item; it is never read as "no restriction".
 */
public final class IpAccessList {

    private static final IPAddressStringParameters STRICT = addressParameters(true);
    private static final IPAddressStringParameters SINGLE_ADDRESS = addressParameters(false);

    private static final IpAccessList EMPTY = new IpAccessList("", List.of());

    private final String asEntered;
    private final List<IPAddress> blocks;

    private IpAccessList(String asEntered, List<IPAddress> blocks) {
        this.asEntered = asEntered;
        this.blocks = List.copyOf(blocks);
    }

    public static IpAccessList empty() {
        return EMPTY;
    }

    /** Parses a list as typed on the control page; a blank text is the empty list. */
    public static IpAccessList parse(String text) throws InvalidAccessListException {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<IPAddress> blocks = new ArrayList<>();
        for (String rawItem : text.split(",", -1)) {
            blocks.add(parseItem(rawItem.strip()));
        }
        return new IpAccessList(text.strip(), blocks);
    }

    private static IPAddress parseItem(String item) throws InvalidAccessListException {
        if (item.isEmpty()) {
            throw new InvalidAccessListException(item, "empty item (two commas in a row, or a comma at an end)");
        }
        IPAddress address;
        try {
            address = new IPAddressString(item, STRICT).toAddress();
        } catch (AddressStringException e) {
            throw new InvalidAccessListException(item, "not an IPv4/IPv6 address or CIDR block: " + e.getMessage());
        }
        Integer prefix = address.getNetworkPrefixLength();
        if (prefix != null) {
            IPAddress block = address.toPrefixBlock();
            if (!address.isPrefixBlock()) {
                throw new InvalidAccessListException(item, "host bits are set for a /" + prefix
                        + " block; did you mean " + block.toCanonicalString() + "?");
            }
            return normalize(block);
        }
        return normalize(address);
    }

    /** True when the list is empty or one of its entries contains the address. */
    public boolean permits(String sourceIp) {
        if (blocks.isEmpty()) {
            return true;
        }
        Optional<IPAddress> address = parseAddress(sourceIp);
        return address.isPresent() && blocks.stream().anyMatch(block -> contains(block, address.get()));
    }

    private static boolean contains(IPAddress block, IPAddress address) {
        return block.getIPVersion() == address.getIPVersion() && block.contains(address);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The list as the customer entered it. */
    public String asEntered() {
        return asEntered;
    }

    /**
     * The canonical text of an address as seen on the network: lower case, compressed IPv6,
     * IPv4-mapped IPv6 as plain IPv4. Empty when it is not a single address.
     */
    public static Optional<String> canonicalAddress(String text) {
        return parseAddress(text).map(IPAddress::toCanonicalString);
    }

    private static Optional<IPAddress> parseAddress(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        IPAddress address = new IPAddressString(candidate, SINGLE_ADDRESS).getAddress();
        if (address == null || address.isMultiple()) {
            return Optional.empty();
        }
        return Optional.of(normalize(address));
    }

    private static IPAddress normalize(IPAddress address) {
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            return address.toIPv6().getEmbeddedIPv4Address();
        }
        return address;
    }

    /** Plain addresses and, when {@code withPrefix}, CIDR blocks; no wildcards, ranges or masks. */
    private static IPAddressStringParameters addressParameters(boolean withPrefix) {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false)
                .allowPrefix(withPrefix);
        builder.getIPv4AddressParametersBuilder().allow_inet_aton(false).allowLeadingZeros(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv6AddressParametersBuilder().allowZone(false).setRangeOptions(RangeParameters.NO_RANGE);
        return builder.toParams();
    }

    @Override
    public String toString() {
        return asEntered;
    }
}
