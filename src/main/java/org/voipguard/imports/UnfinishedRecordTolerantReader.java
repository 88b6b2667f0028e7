package org.voipguard.imports;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.batch.infrastructure.item.file.LineMapper;

/**
 * A file reader that survives a quote left open at the end of a file. A quoted cell may span
 * lines, so the flat file reader keeps reading for the closing quote and, when the file ends
 * first, fails the whole step. Here that unfinished record becomes an item like any other,
 * which the line parser then rejects with its line number: one bad record, not a dead import.
 */
public class UnfinishedRecordTolerantReader<T> implements ItemStreamReader<T> {

    private final FlatFileItemReader<T> delegate;
    private final LineMapper<T> lineMapper;

    public UnfinishedRecordTolerantReader(FlatFileItemReader<T> delegate, LineMapper<T> lineMapper) {
        this.delegate = delegate;
        // Spring Batch drops lines starting with '#' as comments by default; in our inputs they
        // are records like any other, to import or reject, never to lose unseen.
        delegate.setComments(new String[0]);
        this.lineMapper = lineMapper;
    }

    @Override
    public T read() throws Exception {
        try {
            return delegate.read();
        } catch (FlatFileParseException e) {
            if (e.getInput() == null || e.getMessage() == null || !e.getMessage().startsWith("Unexpected end of file")) {
                throw e;
            }
            return lineMapper.mapLine(e.getInput().stripTrailing(), e.getLineNumber());
        }
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        delegate.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        delegate.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        delegate.close();
    }
}
