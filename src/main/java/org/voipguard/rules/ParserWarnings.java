package org.voipguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * The DRL parser reports deprecated constructs ({@code ||} between patterns, half
 * constraints, {@code agenda-group}, annotations inside patterns) only as log warnings, not as
 * compiler messages. While a build runs, those warnings are taken from the log and handed
 * back, so that {@code rules check} can show them with the rest.
 */
final class ParserWarnings {

    private static final String PARSER_LOGGER = "org.drools.drl.parser";
    private static final Object LOCK = new Object();

    private ParserWarnings() {
    }

    /** The result of {@code build} and the parser warnings logged while it ran. */
    static <T> Captured<T> during(Supplier<T> build) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new Captured<>(build.get(), List.of());
        }
        synchronized (LOCK) {
            Logger parser = context.getLogger(PARSER_LOGGER);
            Level level = parser.getLevel();
            boolean additive = parser.isAdditive();
            Collector collector = new Collector();
            collector.setContext(context);
            collector.start();
            parser.addAppender(collector);
            parser.setLevel(Level.WARN);
            parser.setAdditive(false);
            try {
                return new Captured<>(build.get(), List.copyOf(collector.messages));
            } finally {
                parser.detachAppender(collector);
                parser.setLevel(level);
                parser.setAdditive(additive);
                collector.stop();
            }
        }
    }

    record Captured<T>(T result, List<String> warnings) {
    }

    private static final class Collector extends AppenderBase<ILoggingEvent> {

        private final List<String> messages = new ArrayList<>();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN) && !event.getFormattedMessage().startsWith("Further warnings")) {
                messages.add(event.getFormattedMessage());
            }
        }
    }
}
