package org.voipguard.cli;

import org.voipguard.command.Failures;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.UsageException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.voipguard.VoipGuardApplication;
import org.voipguard.db.DatabaseFailures;
import org.voipguard.rules.RuleCompilationException;
import org.voipguard.rules.RuleRuntimeException;
import org.voipguard.scenario.RulesToolApplication;
import org.voipguard.text.UntrustedText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * Starts the Spring context, hands the command line to picocli and turns the outcome into
 * an exit code. Arguments of the form {@code --spring.x=y} or {@code --voipguard.x=y} are
 * Spring properties and are not shown to picocli.
 */
public final class CommandLineLauncher {

    /** Commands that only read the database; every other command takes the {@link RunLock}. */
    static final Set<String> READ_ONLY_COMMANDS = Set.of("numbers show", "calls check", "rules check", "rules test",
            "serve", "numbers export-subscribers", "users list", "blocklist export");

    /** The one command that runs a web server; every other command opens no port. */
    static final String SERVE = "serve";

    private static final Pattern PROPERTY_ARGUMENT =
            Pattern.compile("--(spring|voipguard|server|management|logging|debug|trace)(\\.[^=]*)?(=.*)?");

    /** What H2 says when another process holds or is just taking its lock file. */
    private static final List<String> LOCK_FILE_RACES = List.of("Database may be already in use",
            "Lock file recently modified", "Another process was faster", "Concurrent update");

    /** H2's "Database may be already in use" and its "Connection is broken" to another run's server. */
    private static final Set<Integer> H2_IN_USE_ERRORS = Set.of(90020, 90067);

    private CommandLineLauncher() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String[] commandArgs = Arrays.stream(args).filter(a -> !PROPERTY_ARGUMENT.matcher(a).matches())
                .toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(applicationFor(commandArgs)).run(withWebServerFor(commandArgs, args));
        } catch (RuntimeException e) {
            if (isDatabaseInUse(e)) {
                err.println("voipguard: another VoIPGuard run is using the database; try again when it has "
                        + "finished (nothing was done): " + rootMessage(e).lines().findFirst().orElse(""));
                return ExitCodes.FAILED;
            }
            err.println("voipguard: cannot start: " + rootMessage(e));
            return ExitCodes.BAD_USAGE;
        }
        try (context) {
            return execute(context, out, err, commandArgs);
        }
    }

    /**
     * The analysts' {@code rules} commands need neither the database nor the jobs: they start a
     * small context that opens no connection and starts in a fraction of the time.
     */
    static Class<?> applicationFor(String[] commandArgs) {
        return commandArgs.length > 0 && "rules".equals(commandArgs[0])
                ? RulesToolApplication.class : VoipGuardApplication.class;
    }

    /**
     * The built-in settings start no web server; {@code serve} (but not {@code serve --help})
     * asks for one. A {@code --spring.main.web-application-type} of the operator's still wins.
     */
    static String[] withWebServerFor(String[] commandArgs, String[] args) {
        boolean serve = commandArgs.length > 0 && SERVE.equals(commandArgs[0])
                && Arrays.stream(commandArgs).noneMatch(a -> a.equals("--help") || a.equals("-h"));
        if (!serve || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.main.web-application-type"))) {
            return args;
        }
        String[] withServer = new String[args.length + 1];
        withServer[0] = "--spring.main.web-application-type=servlet";
        System.arraycopy(args, 0, withServer, 1, args.length);
        return withServer;
    }

    /** Runs one command in an already started context; tests call this with their own context. */
    public static int execute(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err,
            String... commandArgs) {
        CommandLine commandLine = newCommandLine(context);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(commandArgs);
    }

    static CommandLine newCommandLine(ConfigurableApplicationContext context) {
        CommandLine root = new CommandLine(new RootCommand());
        List<Object> commands = context.getBeansOfType(TopLevelCommand.class).values().stream()
                .filter(bean -> bean.getClass().isAnnotationPresent(Command.class))
                .map(Object.class::cast)
                .sorted((a, b) -> name(a).compareTo(name(b)))
                .toList();
        for (Object command : commands) {
            root.addSubcommand(command);
        }
        root.setExecutionStrategy(parseResult -> executeLocked(context, parseResult));
        root.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            commandLine.getErr().println("voipguard: "
                    + DatabaseFailures.plainMessage(exception).orElseGet(() -> shownMessage(exception)));
            return isUsageProblem(exception) ? ExitCodes.BAD_USAGE : ExitCodes.FAILED;
        });
        return root;
    }

    /**
     * Runs the command, holding the {@link RunLock} unless it only reads: two runs that write
     * never work on one database at the same time. A new command takes the lock until it is
     * added to {@link #READ_ONLY_COMMANDS}.
     */
    private static int executeLocked(ConfigurableApplicationContext context, ParseResult parseResult) {
        ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        String command = last.commandSpec().qualifiedName(" ");
        command = command.substring(command.indexOf(' ') + 1);
        boolean helpOnly = last.isUsageHelpRequested() || last.isVersionHelpRequested() || last == parseResult
                || last.commandSpec().userObject() instanceof CommandLine.HelpCommand;
        if (helpOnly || READ_ONLY_COMMANDS.contains(command)) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        RunLock.Held lock;
        try {
            lock = context.getBean(RunLock.class).acquire();
        } catch (RuntimeException e) {
            parseResult.commandSpec().commandLine().getErr().println("voipguard: " + command + ": " + rootMessage(e));
            return ExitCodes.FAILED;
        }
        try (lock) {
            return new CommandLine.RunLast().execute(parseResult);
        }
    }

    /**
     * H2 refuses a second process on an embedded file database: error 90020, "Database may be
     * already in use", or "Lock file recently modified", "Another process was faster" or
     * "Concurrent update" (on its lock file) while another process opens or has just left the
     * database (a run killed a moment ago). With AUTO_SERVER a run can also find the lock file
     * naming the server of a run killed a moment ago and lose its connection to it at once:
     * error 90067, "Connection is broken".
     */
    static boolean isDatabaseInUse(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && H2_IN_USE_ERRORS.contains(sql.getErrorCode())) {
                return true;
            }
            if (t.getMessage() != null && LOCK_FILE_RACES.stream().anyMatch(t.getMessage()::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUsageProblem(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof UsageException || t instanceof RuleCompilationException) {
                return true;
            }
        }
        return false;
    }

    private static String name(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    /**
     * The root message as one line, its untrusted parts (file names above all) escaped; the
     * rule compiler's problems keep their lines, one {@code file:line:column} per line.
     */
    static String shownMessage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleCompilationException) {
                return rootMessage(exception);
            }
        }
        return UntrustedText.escape(rootMessage(exception));
    }

    static String rootMessage(Throwable exception) {
        return Failures.rootMessage(exception, UsageException.class, RuleCompilationException.class,
                RuleRuntimeException.class);
    }
}
