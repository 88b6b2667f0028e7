package org.voipguard.command;

/** What an operator reads of a failure: one message, not a stack of wrappers. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of the failure's root cause, or of the first failure on the way to it that is
     * one of {@code sayingItAll}: exceptions of ours whose message already tells the whole story
     * (a usage problem, a rule that failed with its fact) and whose causes would only blur it.
     */
    @SafeVarargs
    public static String rootMessage(Throwable failure, Class<? extends Throwable>... sayingItAll) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && !isAny(t, sayingItAll)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static boolean isAny(Throwable t, Class<? extends Throwable>[] types) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
