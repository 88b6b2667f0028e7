package org.voipguard.command;

/**
 * Marks a Spring bean annotated with picocli's {@code @Command} as a command of
 * {@code voipguard}: the launcher adds every such bean under the root command, so a feature
 * package brings its own commands without touching this one.
 */
public interface TopLevelCommand {
}
