package org.voipguard.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.voipguard.thresholds.ScannerUserAgents;
import org.voipguard.thresholds.Thresholds;

/**
 * A compiled rule set: the analysts' {@code .drl} files of one directory at one version.
 * Compiling is costly, so a rule book is built once per run and then evaluated with a new
 * short-lived stateless session for every chunk of facts.
 */
public final class RuleBook {

    private final KieBase kieBase;
    private final String version;
    private final List<String> files;
    private final Duration compileTime;
    private final Thresholds thresholds;
    private final ScannerUserAgents scannerUserAgents;

    RuleBook(KieBase kieBase, String version, List<String> files, Duration compileTime, Thresholds thresholds,
            ScannerUserAgents scannerUserAgents) {
        this.kieBase = kieBase;
        this.version = version;
        this.files = List.copyOf(files);
        this.compileTime = compileTime;
        this.thresholds = thresholds;
        this.scannerUserAgents = scannerUserAgents;
    }

    /**
     * The same rules with other thresholds, for a scenario that sets its own. Its version names
     * both, so its alerts are never taken for the directory's.
     */
    public RuleBook withThresholds(Thresholds other, String thresholdsVersion) {
        return new RuleBook(kieBase, version + "+" + thresholdsVersion, files, compileTime, other, scannerUserAgents);
    }

    /** The scanners' User-Agent prefixes of the rules directory, read with the rules. */
    public ScannerUserAgents scannerUserAgents() {
        return scannerUserAgents;
    }

    /** The thresholds file of the rules directory, read with the rules: the counts the threshold checks use. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** Evaluates the facts in a fresh session and returns the alerts the rules raised. */
    public List<RaisedAlert> evaluate(Collection<?> facts) {
        return run(facts, newSession());
    }

    /**
     * Evaluates the facts as {@link #evaluate} does and also names the rules that fired, in
     * order: for rule tests and the analysts' tools. Production sessions carry no listener.
     */
    public Evaluation trace(Collection<?> facts) {
        StatelessKieSession session = newSession();
        List<String> firedRules = new ArrayList<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firedRules.add(event.getMatch().getRule().getName());
            }
        });
        return new Evaluation(run(facts, session), List.copyOf(firedRules));
    }

    private StatelessKieSession newSession() {
        return kieBase.newStatelessKieSession();
    }

    private List<RaisedAlert> run(Collection<?> facts, StatelessKieSession session) {
        AlertCollector alerts = new AlertCollector(version);
        session.setGlobal("alerts", alerts);
        try {
            session.execute(facts);
        } catch (RuntimeException e) {
            throw RuleRuntimeException.from(e, () -> failingFact(facts));
        }
        return alerts.raised();
    }

    /**
     * The first fact that makes a rule throw on its own. Only a consequence names its facts
     * when it fails; a condition that throws names neither, so the facts are tried one by one.
     */
    private Optional<Object> failingFact(Collection<?> facts) {
        for (Object fact : facts) {
            StatelessKieSession session = kieBase.newStatelessKieSession();
            session.setGlobal("alerts", new AlertCollector(version));
            try {
                session.execute(fact);
            } catch (RuntimeException e) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }

    /** A hash of the rule files, stored with every alert so an alert can be traced to its rules. */
    public String version() {
        return version;
    }

    public List<String> files() {
        return files;
    }

    public Duration compileTime() {
        return compileTime;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The outcome of one evaluation: alerts raised and the names of the rules that fired, in order. */
    public record Evaluation(List<RaisedAlert> alerts, List<String> firedRules) {
    }
}
