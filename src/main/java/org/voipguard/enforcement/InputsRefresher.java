package org.voipguard.enforcement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the settings and the rules when the service starts and looks again every
 * {@code voipguard.serve.refresh-interval}: a database that is down or a rule set that does not
 * compile leaves what was loaded in place and is tried again at the next look.
 */
@Component
@ConditionalOnWebApplication
class InputsRefresher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InputsRefresher.class);

    private final DecisionInputs inputs;
    private final ServeProperties properties;
    private ScheduledExecutorService scheduler;
    private final Map<String, String> lastFailures = new ConcurrentHashMap<>();

    InputsRefresher(DecisionInputs inputs, ServeProperties properties) {
        this.inputs = inputs;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "voipguard-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.refreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    void refresh() {
        attempt("rules", inputs::refreshRules);
        attempt("settings", inputs::refreshSettings);
        attempt("blocklist", inputs::refreshBlocklist);
    }

    /** A failure is logged when it starts or changes, not at every look. */
    private void attempt(String what, Runnable refresh) {
        try {
            refresh.run();
            lastFailures.remove(what);
        } catch (RuntimeException e) {
            String failure = String.valueOf(e.getMessage());
            if (!failure.equals(lastFailures.put(what, failure))) {
                LOG.error("cannot refresh the {}; what was loaded keeps deciding", what, e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Before the web server opens its port, so the first question finds the settings and rules loaded. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
