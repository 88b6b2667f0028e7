package org.voipguard.users;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users add NAME --role operator|analyst}, {@code users remove NAME} and {@code users list}. */
@Component
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage who may log in to the control page that serve shows.")
public class UsersCommand implements TopLevelCommand {

    private final UserAccounts accounts;
    /** Reads the new password for a user name; standard input, replaced in tests. */
    private final Function<String, char[]> passwordInput;

    @Spec
    private CommandSpec spec;

    @Autowired
    public UsersCommand(UserAccounts accounts) {
        this(accounts, PasswordInput::read);
    }

    UsersCommand(UserAccounts accounts, Function<String, char[]> passwordInput) {
        this.accounts = accounts;
        this.passwordInput = passwordInput;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a user of the control page. The password is read from standard input (at a terminal:"
                    + " asked twice, not shown), never from an argument; only its BCrypt hash is stored.",
                "e.g. java -jar target/voipguard.jar users add alice --role operator"})
    int add(@Parameters(paramLabel = "NAME", description = "the login name") String name,
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = "operator or analyst")
            String role) {
        Role parsedRole;
        try {
            parsedRole = Role.parse(role);
            UserAccounts.requireValidName(name);
            char[] password = passwordInput.apply(name);
            try {
                accounts.add(name, parsedRole, password);
            } finally {
                Arrays.fill(password, ' ');
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("users add: %s may now log in as %s%n", name, parsedRole.shown());
        return ExitCodes.DONE;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user of the control page: the next login with that name fails.")
    int remove(@Parameters(paramLabel = "NAME", description = "the login name") String name) {
        if (!accounts.remove(name)) {
            throw new UsageException("no user '" + printable(name) + "' (see 'users list')");
        }
        spec.commandLine().getOut().printf("users remove: %s removed%n", name);
        return ExitCodes.DONE;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users of the control page and their roles.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        if (accounts.none()) {
            out.println("users list: no user; add one with 'users add NAME --role operator' (password on standard input)");
        }
        accounts.list().forEach(account -> out.println(account.name() + "  " + account.role().shown()));
        return ExitCodes.DONE;
    }

    private static String printable(String name) {
        return name.codePoints().limit(64).map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
