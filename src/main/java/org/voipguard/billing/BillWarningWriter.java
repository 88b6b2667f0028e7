package org.voipguard.billing;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.AlertSink;

/**
 * Policy P3 for a chunk of the number-months an import touched, with {@link BillWarnings}:
 * each warning is stored and the multiple remembered in the same transaction.
 */
class BillWarningWriter implements ItemWriter<SpendRow> {

    private final NumberDirectory numbers;
    private final SpendLedger ledger;
    private final BillWarnings billWarnings;
    private final AlertSink alerts;
    private final long importId;

    BillWarningWriter(NumberDirectory numbers, SpendLedger ledger, BillWarnings billWarnings, AlertSink alerts,
            long importId) {
        this.numbers = numbers;
        this.ledger = ledger;
        this.billWarnings = billWarnings;
        this.alerts = alerts;
        this.importId = importId;
    }

    @Override
    public void write(Chunk<? extends SpendRow> chunk) {
        List<? extends SpendRow> rows = chunk.getItems();
        BillWarnings.Result result = billWarnings.evaluate(rows,
                numbers.findAll(rows.stream().map(SpendRow::number).toList()), ledger.closedMonths());
        alerts.accept(result.alerts(), importId);
        ledger.markWarned(result.warned());
    }
}
