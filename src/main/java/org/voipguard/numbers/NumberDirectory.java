package org.voipguard.numbers;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** Looks up the effective settings of numbers; a number never imported gets the defaults. */
public interface NumberDirectory {

    NumberSettings find(String number);

    /** One entry per requested number, in one round trip. */
    Map<String, NumberSettings> findAll(Collection<String> numbers);

    /** How many numbers have settings of their own; every other number has the defaults. */
    int storedCount();

    /** The settings of every number that has settings of its own, one at a time. */
    void forEachStored(Consumer<NumberSettings> action);

    /** The settings of a number that has none of its own. */
    NumberSettings defaultsFor(String number);
}
