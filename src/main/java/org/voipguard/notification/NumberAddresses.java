package org.voipguard.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

/**
 * The email addresses of the numbers one compose run writes to. A run reads them a page of
 * alerts at a time; a large backlog names most numbers, and reading them page by page costs a
 * look-up in the settings index per number per page, in pages of the settings table that the
 * alerts' pages have pushed out of the database's cache. So once a run has read
 * {@link #READ_ALL_AFTER} numbers that way, and if every stored number fits within the
 * capacity, it reads the addresses of all stored numbers in one pass and asks the directory no
 * more. Only the two addresses are kept, so the memory stays bounded by the capacity. An
 * address changed while the run goes on reaches the next run's emails.
 */
final class NumberAddresses {

    /** Where a number's emails go: its own address, and its login's for bill warnings. */
    record Addresses(String number, String numberEmail, String loginEmail) {

        static Addresses of(NumberSettings settings) {
            return new Addresses(settings.number(), settings.numberEmail(), settings.loginEmail());
        }
    }

    /** Numbers read a page at a time before the addresses of every stored number are read in one pass. */
    static final int READ_ALL_AFTER = 5_000;
    /** Stored numbers whose addresses a run holds at most, about 250 bytes each. */
    static final int CAPACITY = 250_000;

    private final NumberDirectory numbers;
    private final int capacity;
    private final int readAllAfter;
    private Map<String, Addresses> everyStored;
    private int readPageByPage;
    private boolean mayReadAll = true;

    NumberAddresses(NumberDirectory numbers) {
        this(numbers, CAPACITY, READ_ALL_AFTER);
    }

    NumberAddresses(NumberDirectory numbers, int capacity, int readAllAfter) {
        this.numbers = numbers;
        this.capacity = capacity;
        this.readAllAfter = readAllAfter;
    }

    /** The addresses of every number given, those without settings of their own with the defaults'. */
    Map<String, Addresses> of(Collection<String> wanted) {
        Collection<String> distinct = new LinkedHashSet<>(wanted);
        if (everyStored == null && readPageByPage + distinct.size() > readAllAfter) {
            readEveryStored();
        }
        if (everyStored != null) {
            return fromEveryStored(distinct);
        }
        readPageByPage += distinct.size();
        Map<String, Addresses> addresses = new LinkedHashMap<>();
        numbers.findAll(distinct).forEach((number, settings) -> addresses.put(number, Addresses.of(settings)));
        return addresses;
    }

    /** Reads every stored number's addresses if they fit within the capacity; tried once per run. */
    private void readEveryStored() {
        if (!mayReadAll) {
            return;
        }
        mayReadAll = false;
        if (numbers.storedCount() > capacity) {
            return;
        }
        Map<String, Addresses> read = new HashMap<>();
        numbers.forEachStored(settings -> read.put(settings.number(), Addresses.of(settings)));
        everyStored = read;
    }

    private Map<String, Addresses> fromEveryStored(Collection<String> wanted) {
        Map<String, Addresses> addresses = new LinkedHashMap<>();
        for (String number : wanted) {
            Addresses stored = everyStored.get(number);
            addresses.put(number, stored != null ? stored : Addresses.of(numbers.defaultsFor(number)));
        }
        return addresses;
    }
}
