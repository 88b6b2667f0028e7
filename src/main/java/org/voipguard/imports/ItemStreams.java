package org.voipguard.imports;

import java.util.function.Consumer;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Reading a file with an import's own reader, outside a job (a dry run stores nothing, not even a job). */
public final class ItemStreams {

    private ItemStreams() {
    }

    /** Opens the reader, hands every item to {@code action} in order, and closes it. */
    public static <T> void forEach(ItemStreamReader<T> reader, Consumer<? super T> action) {
        reader.open(new ExecutionContext());
        try {
            for (T item = reader.read(); item != null; item = reader.read()) {
                action.accept(item);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            reader.close();
        }
    }
}
