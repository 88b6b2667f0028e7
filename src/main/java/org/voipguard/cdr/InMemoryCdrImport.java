package org.voipguard.cdr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.voipguard.billing.BillWarnings;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.SpendLedger;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.billing.SpendRow;
import org.voipguard.callpatterns.CallHistory;
import org.voipguard.callpatterns.PatternCall;
import org.voipguard.imports.EvaluatedFile;
import org.voipguard.imports.RejectedLines;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;

/**
 * Evaluates CDR files as the import job does, but stores nothing: each line is parsed and
 * priced by the job's own processor, each chunk goes through the job's {@link CdrEvaluator}
 * (new calls, price limits P1), and once a file is read the bill warnings (P3,
 * {@link BillWarnings}) are evaluated for every number-month it added spend to.
 * Spend, warned multiples and call ids seen are kept in memory across the files of one run,
 * starting from what {@link StoredState} says is stored already.
 */
public final class InMemoryCdrImport {

    /** About 100 bytes each: a bound of some 25 MB of heap. */
    private static final int PRICE_LIMITS_REMEMBERED = 250_000;

    /** What the database holds before the run: nothing for a scenario, the real tables for a dry run. */
    public interface StoredState extends CallHistory.Source {

        /** The stored spend and warned multiple of these number-months; a month without spend is absent. */
        Map<NumberMonth, SpendRow> spend(Collection<NumberMonth> numberMonths);

        /** The months month-end has closed ({@code YYYY-MM}). */
        Set<String> closedMonths();

        /** Which of these call ids are stored already: their cost is in the stored spend. */
        Set<String> storedCallIds(Collection<String> callIds);

        /** Which of these alert keys are stored already: an import would not raise them again. */
        Set<String> storedAlertKeys(Collection<String> alertKeys);

        /** Nothing stored; only these months are closed. */
        static StoredState nothing(Set<String> closedMonths) {
            Set<String> closed = Set.copyOf(closedMonths);
            return new StoredState() {
                @Override
                public Map<NumberMonth, SpendRow> spend(Collection<NumberMonth> numberMonths) {
                    return Map.of();
                }

                @Override
                public Set<String> closedMonths() {
                    return closed;
                }

                @Override
                public Set<String> storedCallIds(Collection<String> callIds) {
                    return Set.of();
                }

                @Override
                public Set<String> storedAlertKeys(Collection<String> alertKeys) {
                    return Set.of();
                }

                @Override
                public void outgoingCallsStartingBetween(Instant from, Instant to, Consumer<PatternCall> calls) {
                    // nothing is stored
                }
            };
        }
    }

    private final CdrLineProcessor processor;
    private final NumberDirectory numbers;
    private final CdrEvaluator evaluator;
    private final BillWarnings billWarnings;
    private final StoredState stored;
    private final int chunkSize;
    private final Set<String> closedMonths;
    private final Set<String> callIdsSeen = new HashSet<>();
    private final Set<String> alertKeysRaised = new HashSet<>();
    private final Map<NumberMonth, SpendRow> spend = new HashMap<>();

    public InMemoryCdrImport(CdrLineProcessor processor, BillingMonths months, NumberDirectory numbers,
            RuleBook rules, StoredState stored, int chunkSize) {
        this.processor = processor;
        this.numbers = numbers;
        this.evaluator = new CdrEvaluator(rules, months, new PriceLimits(numbers, PRICE_LIMITS_REMEMBERED), stored);
        this.billWarnings = new BillWarnings(rules);
        this.stored = stored;
        this.chunkSize = chunkSize;
        this.closedMonths = new HashSet<>(stored.closedMonths());
    }

    /** Each number's spend in a month so far, stored and evaluated: what month end would bill. */
    public Map<String, BigDecimal> spendIn(String month) {
        Map<String, BigDecimal> bills = new TreeMap<>();
        spend.forEach((nm, row) -> {
            if (nm.month().equals(month)) {
                bills.put(nm.number(), row.spendGbp());
            }
        });
        return bills;
    }

    /** Month end closed the month: its spend from now on is late charges, which warn nobody. */
    public void closeMonth(String month) {
        closedMonths.add(month);
    }

    /** Starts a file; give it every line in order, then {@link FileRun#finish()}. */
    public FileRun startFile(String source) {
        return new FileRun(source, processor);
    }

    /** Starts a file read by its own processor: one of its format. */
    public FileRun startFile(String source, CdrLineProcessor fileProcessor) {
        return new FileRun(source, fileProcessor);
    }

    /** One file being evaluated. */
    public final class FileRun {

        private final String source;
        private final CdrLineProcessor lines;
        private final List<CdrOutcome> chunk = new ArrayList<>();
        private final List<RejectedLines.Rejection> rejected = new ArrayList<>();
        private final List<RaisedAlert> alerts = new ArrayList<>();
        private final Set<NumberMonth> touched = new LinkedHashSet<>();
        private long records;
        private long evaluated;
        private long duplicates;
        private long skipped;

        private FileRun(String source, CdrLineProcessor lines) {
            this.source = source;
            this.lines = lines;
        }

        public void accept(CdrLine line) {
            CdrOutcome outcome = lines.process(line);
            if (outcome == null) {
                return;
            }
            chunk.add(outcome);
            if (chunk.size() >= chunkSize) {
                writeChunk();
            }
        }

        /** Evaluates what is left and the bill warnings of the file; returns what the file would raise. */
        public EvaluatedFile finish() {
            writeChunk();
            evaluateBillWarnings();
            return new EvaluatedFile(source, records, evaluated, duplicates, skipped, rejected, alerts);
        }

        private void writeChunk() {
            if (chunk.isEmpty()) {
                return;
            }
            CdrEvaluator.ChunkResult result = evaluator.evaluate(chunk, closedMonths, this::keepNew);
            records += result.records();
            evaluated += result.imported().size();
            duplicates += result.duplicates();
            skipped += result.skippedTotal();
            rejected.addAll(result.rejected());
            alerts.addAll(notRaisedBefore(result.alerts()));
            addCharges(result.charges());
            chunk.clear();
        }

        /**
         * The alerts an import would store: the import keeps an alert once by its key, so an
         * alert raised earlier in this run, or stored before it, is not raised again (a burst that
         * goes on in a later chunk or file names the same window).
         */
        private List<RaisedAlert> notRaisedBefore(List<RaisedAlert> raised) {
            if (raised.isEmpty()) {
                return raised;
            }
            Set<String> storedKeys = stored.storedAlertKeys(raised.stream().map(RaisedAlert::key).toList());
            return raised.stream().filter(alert -> !storedKeys.contains(alert.key()) && alertKeysRaised.add(alert.key()))
                    .toList();
        }

        /** A call is new when neither the database nor an earlier file or line of this run has its id. */
        private List<StoredCall> keepNew(List<StoredCall> calls) {
            Set<String> alreadyStored = stored.storedCallIds(calls.stream().map(StoredCall::callId).toList());
            return calls.stream()
                    .filter(call -> !alreadyStored.contains(call.callId()) && callIdsSeen.add(call.callId()))
                    .toList();
        }

        private void addCharges(Map<NumberMonth, BigDecimal> charges) {
            loadStoredSpend(charges.keySet());
            charges.forEach((numberMonth, cost) -> {
                SpendRow before = spend.get(numberMonth);
                spend.put(numberMonth, new SpendRow(numberMonth.number(), numberMonth.month(),
                        before.spendGbp().add(cost), before.warnedMultiple()));
                touched.add(numberMonth);
            });
        }

        private void loadStoredSpend(Set<NumberMonth> numberMonths) {
            List<NumberMonth> unknown = numberMonths.stream().filter(nm -> !spend.containsKey(nm)).toList();
            if (unknown.isEmpty()) {
                return;
            }
            Map<NumberMonth, SpendRow> rows = stored.spend(unknown);
            for (NumberMonth nm : unknown) {
                spend.put(nm, rows.getOrDefault(nm, new SpendRow(nm.number(), nm.month(), BigDecimal.ZERO, 0)));
            }
        }

        /** P3 as the import's bill-warning step does it, after the file's charges were added. */
        private void evaluateBillWarnings() {
            if (touched.isEmpty()) {
                return;
            }
            List<SpendRow> rows = touched.stream().sorted(Comparator.comparing(NumberMonth::number)
                    .thenComparing(NumberMonth::month)).map(spend::get).toList();
            BillWarnings.Result result = billWarnings.evaluate(rows,
                    numbers.findAll(rows.stream().map(SpendRow::number).toList()), closedMonths);
            alerts.addAll(notRaisedBefore(result.alerts()));
            for (SpendLedger.WarnedMultiple warned : result.warned()) {
                NumberMonth nm = new NumberMonth(warned.number(), warned.month());
                SpendRow row = spend.get(nm);
                spend.put(nm, new SpendRow(row.number(), row.month(), row.spendGbp(),
                        Math.max(row.warnedMultiple(), warned.multiple())));
            }
            touched.clear();
        }
    }
}
