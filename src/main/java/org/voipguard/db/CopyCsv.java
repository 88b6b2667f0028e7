package org.voipguard.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Rows as the CSV text of PostgreSQL's {@code COPY … (FORMAT csv)}, each row led by its
 * ordinal when the rows are staged. Every text value is quoted, its quotes doubled: inside
 * quotes a comma, tab, line break, backslash or {@code \N} is data, and a quoted empty string
 * is an empty string, while {@code null} is the unquoted empty field. A NUL character is sent
 * as it is, for the server to refuse as it refuses it in a bound parameter.
 */
final class CopyCsv {

    private CopyCsv() {
    }

    /** The rows as UTF-8 (the driver's client encoding), one line per row, led by its ordinal if asked. */
    static byte[] of(List<Object[]> rows, boolean withOrdinals) {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (int ordinal = 0; ordinal < rows.size(); ordinal++) {
            if (withOrdinals) {
                text.append(ordinal).append(',');
            }
            Object[] row = rows.get(ordinal);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                appendValue(text, row[i]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            appendQuoted(text, s);
        } else if (value instanceof Integer || value instanceof Long) {
            text.append(value);
        } else if (value instanceof BigDecimal n) {
            text.append(n.toPlainString());
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof Instant t) {
            text.append(t);
        } else {
            throw new IllegalArgumentException("cannot store a " + value.getClass().getName());
        }
    }

    private static void appendQuoted(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                text.append('"');
            }
            text.append(c);
        }
        text.append('"');
    }
}
