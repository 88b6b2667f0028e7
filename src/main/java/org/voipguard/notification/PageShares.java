package org.voipguard.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A page of emails cut into shares, each share worked through one email after the other on a
 * thread of its own: SMTP connections at once, or the cores building messages and writing files.
 */
final class PageShares {

    private PageShares() {
    }

    /** What {@code work} made of every share, one share after another; the page itself when one worker is enough. */
    static <T, R> List<R> inShares(List<T> page, int workers, Function<List<T>, List<R>> work) {
        int shares = Math.min(workers, page.size());
        if (shares <= 1) {
            return work.apply(page);
        }
        ExecutorService executor = Executors.newFixedThreadPool(shares);
        try {
            List<CompletableFuture<List<R>>> done = new ArrayList<>(shares);
            for (int share = 0; share < shares; share++) {
                List<T> items = share(page, share, shares);
                done.add(CompletableFuture.supplyAsync(() -> work.apply(items), executor));
            }
            return done.stream().flatMap(share -> share.join().stream()).toList();
        } finally {
            executor.shutdown();
        }
    }

    /** The machine's cores: how many threads build messages and write files. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static <T> List<T> share(List<T> page, int share, int shares) {
        List<T> items = new ArrayList<>(page.size() / shares + 1);
        for (int i = share; i < page.size(); i += shares) {
            items.add(page.get(i));
        }
        return items;
    }
}
