package org.voipguard.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry once it holds more than {@code capacity}:
 * what an import remembers between chunks stays bounded whatever the size of the file.
 */
public final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    public LeastRecentlyUsed(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
