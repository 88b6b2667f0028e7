package org.voipguard.numbers;

import java.util.Collection;
import java.util.Map;

/** Looks up the effective settings of numbers; a number never imported gets the defaults. */
public interface NumberDirectory {

    NumberSettings find(String number);

    /** One entry per requested number, in one round trip. */
    Map<String, NumberSettings> findAll(Collection<String> numbers);
}
