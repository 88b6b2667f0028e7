package org.voipguard.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddress.IPVersion;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * The addresses a number may register from: single IPv4/IPv6 addresses and CIDR blocks,
 * comma separated, e.g. {@code 128.66.0.1, 2001:DB8::/48}. Empty means no restriction.
 * A malformed list is refused with the offending item; it is never read as "no restriction".
 * Neither is a list that names the unspecified address or allows every IPv4 or every IPv6
 * address, alone or as a union of blocks: it would look restrictive and restrict nothing.
 */
public final class IpAccessList {

    private static final IPAddressStringParameters STRICT = addressParameters(true);
    private static final IPAddressStringParameters SINGLE_ADDRESS = addressParameters(false);

    private static final IpAccessList EMPTY = new IpAccessList("", List.of());
    private static final IPAddress IPV4_MAPPED = new IPAddressString("::ffff:0:0/96").getAddress();
    private static final String EMPTY_MEANS_NO_RESTRICTION =
            "; an empty list means no restriction, say so by leaving the list empty";

    private final String asEntered;
    private final List<IPAddress> blocks;

    private IpAccessList(String asEntered, List<IPAddress> blocks) {
        this.asEntered = asEntered;
        this.blocks = List.copyOf(blocks);
    }

    public static IpAccessList empty() {
        return EMPTY;
    }

    /**
     * Parses a list as typed on the control page; a blank text is the empty list. Besides
     * malformed items it refuses the unspecified address and lists that allow everything.
     */
    public static IpAccessList parse(String text) throws InvalidAccessListException {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Item> items = items(text);
        for (Item item : items) {
            requireSpecified(item);
        }
        requireRestrictive(items, IPVersion.IPV6);
        requireRestrictive(items, IPVersion.IPV4);
        return new IpAccessList(text.strip(), items.stream().map(Item::block).toList());
    }

    /**
     * Reads a list stored before {@link #parse} refused lists that allow everything: malformed
     * items still fail, a list that allows everything is read as it was written.
     */
    static IpAccessList parseStored(String text) throws InvalidAccessListException {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return new IpAccessList(text.strip(), items(text).stream().map(Item::block).toList());
    }

    /** An item as written and the block it stands for, IPv4-mapped IPv6 as IPv4. */
    private record Item(String text, IPAddress block) {
    }

    private static List<Item> items(String text) throws InvalidAccessListException {
        List<Item> items = new ArrayList<>();
        for (String rawItem : text.split(",", -1)) {
            String item = rawItem.strip();
            items.add(new Item(item, parseItem(item)));
        }
        return items;
    }

    private static void requireSpecified(Item item) throws InvalidAccessListException {
        if (item.block().isUnspecified()) {
            throw new InvalidAccessListException(item.text(), "the unspecified address "
                    + item.block().withoutPrefixLength().toCanonicalString()
                    + " is no address a phone registers from" + EMPTY_MEANS_NO_RESTRICTION);
        }
    }

    /**
     * Refuses the list when its blocks of one family together cover every address of that
     * family, naming a smallest set of items that does: each item is left out in turn and
     * stays out when the others still cover everything.
     */
    private static void requireRestrictive(List<Item> items, IPVersion version) throws InvalidAccessListException {
        List<Item> covering = items.stream().filter(item -> coversAll(List.of(item), version)).limit(1).toList();
        if (covering.isEmpty()) {
            if (!coversAll(items, version)) {
                return;
            }
            covering = new ArrayList<>(items);
            for (Item item : items) {
                List<Item> without = new ArrayList<>(covering);
                without.remove(item);
                if (coversAll(without, version)) {
                    covering = without;
                }
            }
        }
        throw new InvalidAccessListException(covering.stream().map(Item::text).collect(Collectors.joining(", ")),
                "allows every " + version + " address" + EMPTY_MEANS_NO_RESTRICTION);
    }

    private static boolean coversAll(List<Item> items, IPVersion version) {
        List<IPAddress> blocks = new ArrayList<>();
        for (Item item : items) {
            IPAddress block = item.block();
            if (block.getIPVersion() == version) {
                blocks.add(block);
            } else if (version.isIPv4() && block.contains(IPV4_MAPPED)) {
                // an IPv6 block around ::ffff:0:0/96 holds every IPv4 address in its mapped form
                return true;
            }
        }
        if (blocks.isEmpty()) {
            return false;
        }
        IPAddress first = blocks.get(0);
        IPAddress[] merged = first.mergeToPrefixBlocks(blocks.subList(1, blocks.size()).toArray(IPAddress[]::new));
        return merged.length == 1 && Integer.valueOf(0).equals(merged[0].getNetworkPrefixLength());
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

    /**
     * Why this list restricts nothing, when it was stored before such lists were refused:
     * e.g. {@code "::ffff:0:0/96": allows every IPv4 address ...}.
     */
    public Optional<String> unrestrictiveBecause() {
        try {
            parse(asEntered);
            return Optional.empty();
        } catch (InvalidAccessListException e) {
            return Optional.of(e.getMessage());
        }
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
     * IPv4-mapped IPv6 as plain IPv4. Empty when it is not a single address, or is the
     * unspecified address (0.0.0.0, ::), which no packet comes from.
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
        IPAddress normalized = normalize(address);
        return normalized.isUnspecified() ? Optional.empty() : Optional.of(normalized);
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
