package org.voipguard.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rule files that compile but reach past their facts, each with the line the guard must name.
 * Their conditions never match, except the one writing a file, so that a run where the guard
 * failed to stop them ends normally rather than with the JVM.
 */
public final class ForbiddenRules {

    /** Where {@link #WRITES_A_FILE} writes when it runs. */
    public static final Path WRITTEN_BY_A_RULE = Path.of("target", "written-by-a-rule.txt");

    public static final ForbiddenRule CALLS_SYSTEM_EXIT = new ForbiddenRule("exit.drl", 11, """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            rule "Stop the service"
            when
                $call : OutgoingCall( pricePpm < 0 )
            then
                System.exit(42);
            end
            """);

    public static final ForbiddenRule WRITES_A_FILE = new ForbiddenRule("write-file.drl", 11, """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            rule "Keep a copy of every call"
            when
                $call : OutgoingCall( )
            then
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "written-by-a-rule.txt"), $call.getCallId());
            end
            """);

    public static final ForbiddenRule IMPORTS_JAVA_IO = new ForbiddenRule("import-file.drl", 4, """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;
            import java.io.File;

            global org.voipguard.rules.AlertCollector alerts;

            rule "Look for a file"
            when
                $call : OutgoingCall( pricePpm < 0 )
            then
                new File("stop").exists();
            end
            """);

    public static final ForbiddenRule USES_REFLECTION = new ForbiddenRule("reflection.drl", 11, """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            rule "Find a class"
            when
                $call : OutgoingCall( pricePpm < 0 )
            then
                Object runtime = "".getClass().forName("java.lang.Runtime");
            end
            """);

    public static final ForbiddenRule NAMES_JAVA_LANG_RUNTIME = new ForbiddenRule("runtime.drl", 9, """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            rule "Count the processors"
            when
                $call : OutgoingCall( pricePpm < java.lang.Runtime.getRuntime().availableProcessors() - 100 )
            then
                alerts.raise(kcontext, "PROCESSORS", $call);
            end
            """);

    public static final List<ForbiddenRule> ALL = List.of(CALLS_SYSTEM_EXIT, WRITES_A_FILE, IMPORTS_JAVA_IO,
            USES_REFLECTION, NAMES_JAVA_LANG_RUNTIME);

    private ForbiddenRules() {
    }

    /** A forbidden rule file: its name, the line of the forbidden code and the file's content. */
    public record ForbiddenRule(String fileName, int line, String content) {

        /** Writes the file into {@code directory}; the path printed for it starts with the returned text. */
        public String writeInto(Path directory) throws IOException {
            Files.writeString(directory.resolve(fileName), content);
            return directory.resolve(fileName) + ":" + line + ":";
        }

        @Override
        public String toString() {
            return fileName;
        }
    }
}
