package org.voipguard.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored form of an alert's facts ({@code alert.facts}): one JSON object of string to
 * string, keys in the order the rule gave them, e.g. {@code {"call_id":"c1","price_ppm":"150"}}.
 * JSON keeps any text intact (quotes, newlines, control characters are escaped), and
 * PostgreSQL can query it with {@code facts::json}. Values are stored as seen; they are made
 * safe only when an email is written.
 */
public final class AlertFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private AlertFacts() {
    }

    /** The JSON object of the facts; {@code null} or no facts is {@code {}}. Null values are stored as "". */
    public static String encode(Map<String, String> facts) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (facts != null) {
            facts.forEach((key, value) -> copy.put(key, value == null ? "" : value));
        }
        try {
            return JSON.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode alert facts", e);
        }
    }

    /** The facts of a stored alert, in stored order; blank text is no facts. */
    public static Map<String, String> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> facts = JSON.readValue(stored, STRING_MAP);
            return Collections.unmodifiableMap(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert facts are not a JSON object of strings: "
                    + e.getOriginalMessage(), e);
        }
    }
}
