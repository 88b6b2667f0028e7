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
 * What the rule engine logs while it compiles. The DRL parser reports deprecated constructs
 * ({@code ||} between patterns, half constraints, {@code agenda-group}, annotations inside
 * patterns) only as log warnings, not as compiler messages: they are taken from the log and
 * handed back, so that {@code rules check} shows them with the rest. The builder also logs
 * every compile error a second time, unformatted: that log is muted, the errors are reported
 * from the build results.
 */
final class EngineLogs {

    private static final String PARSER_LOGGER = "org.drools.drl.parser";
    private static final String BUILDER_LOGGER = "org.drools.compiler.kie.builder.impl";
    private static final Object LOCK = new Object();

    private EngineLogs() {
    }

    /** The result of {@code build} and the parser warnings logged while it ran. */
    static <T> Captured<T> during(Supplier<T> build) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new Captured<>(build.get(), List.of());
        }
        synchronized (LOCK) {
            Logger parser = context.getLogger(PARSER_LOGGER);
            Level parserLevel = parser.getLevel();
            boolean additive = parser.isAdditive();
            Logger builder = context.getLogger(BUILDER_LOGGER);
            Level builderLevel = builder.getLevel();
            Collector collector = new Collector();
            collector.setContext(context);
            collector.start();
            parser.addAppender(collector);
            parser.setLevel(Level.WARN);
            parser.setAdditive(false);
            builder.setLevel(Level.OFF);
            try {
                return new Captured<>(build.get(), List.copyOf(collector.messages));
            } finally {
                parser.detachAppender(collector);
                parser.setLevel(parserLevel);
                parser.setAdditive(additive);
                builder.setLevel(builderLevel);
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
