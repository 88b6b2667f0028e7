package org.voipguard.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.rules.RuleSources.Location;
import org.voipguard.thresholds.ScannerUserAgents;
import org.voipguard.thresholds.ThresholdFileException;
import org.voipguard.thresholds.Thresholds;

/**
 * Compiles the {@code .drl} files of a rules directory into a {@link RuleBook}. The result is
 * cached by the content of the files, so loading at every job start costs a directory read
 * unless an analyst changed a rule. A directory that leaves a policy without a rule does not
 * load: it would never alert. Nor does one whose code reaches past the facts
 * ({@link RuleCodeGuard}): it is refused before the engine compiles it.
 */
@Component
public class RuleBookLoader {

    private static final String SOURCE_ROOT = "src/main/resources/org/voipguard/policies/";
    /** A message about an unknown name, which points only at the rule or at the start of the condition. */
    private static final Pattern UNKNOWN_NAME = Pattern.compile("The method (\\w+)\\(|(\\w+) cannot be resolved"
            + "|(\\w+) is undefined|unable to resolve method using strict-mode: [\\w.$]+\\.(\\w+)\\(\\)");
    private static final Pattern MVEL_NOISE = Pattern.compile("\\[Near : \\{.*?}]\\s*\\^?|\\[Line: \\d+, Column: \\d+]");
    private static final Pattern RULE_IN_WARNING = Pattern.compile("in rule '([^']*)'");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern STR_OPERATOR = Pattern.compile("\\bstr\\s*\\[");

    private final Map<String, RuleBook> cache = new ConcurrentHashMap<>();
    private final RuleCodeGuard guard;

    /** A loader that lets rules use the built-in allowed types only. */
    public RuleBookLoader() {
        this(List.of());
    }

    /** A loader that also lets rules use these classes and packages. */
    public RuleBookLoader(List<String> allowedTypes) {
        this.guard = new RuleCodeGuard(AllowedTypes.with(allowedTypes));
    }

    @Autowired
    public RuleBookLoader(VoipGuardProperties properties) {
        this(properties.rules().allowedTypes());
    }

    /** The compiled rule book of the directory; throws with every error when it does not compile. */
    public RuleBook load(Path directory) {
        RuleSources sources = RuleSources.read(directory);
        if (sources.isEmpty()) {
            throw new RuleCompilationException("no .drl rule files in " + directory.toAbsolutePath(), List.of());
        }
        return cache.computeIfAbsent(sources.version(), v -> compile(sources));
    }

    /** The version {@link #load} would give the directory's rules now: a hash of their content, nothing compiled. */
    public String versionOf(Path directory) {
        return RuleSources.read(directory).version();
    }

    /** A rule book {@link #load} compiled before, by its version. */
    Optional<RuleBook> compiled(String version) {
        return Optional.ofNullable(version).map(cache::get);
    }

    /** Compiles without caching and reports every problem, warnings and policies without a rule included. */
    public RuleCheck check(Path directory) {
        long started = System.nanoTime();
        RuleSources sources = RuleSources.read(directory);
        if (sources.isEmpty()) {
            return new RuleCheck(directory, List.of(), 0, sources.version(), List.of(new RuleProblem(directory.toString(),
                    0, 0, RuleProblem.Severity.ERROR, "no .drl rule files in this directory")), elapsed(started));
        }
        List<RuleProblem> refused = guard.check(sources);
        if (!refused.isEmpty()) {
            return new RuleCheck(directory, List.copyOf(sources.files().keySet()), 0, sources.version(), refused,
                    elapsed(started));
        }
        Build build = build(sources);
        List<RuleProblem> problems = new ArrayList<>(build.problems());
        try {
            sources.thresholds();
        } catch (ThresholdFileException e) {
            problems.add(problemOf(e));
        }
        try {
            sources.scannerUserAgents();
        } catch (ThresholdFileException e) {
            problems.add(problemOf(e));
        }
        int rules = 0;
        if (!build.hasErrors()) {
            KieContainer container = build.container();
            KieBase kieBase = container.getKieBase();
            rules = PolicyCoverage.ruleCount(kieBase);
            problems.addAll(PolicyCoverage.gaps(kieBase, sources));
            container.dispose();
        }
        build.forget(); // a check is not kept: "rules check --watch" compiles again at every save
        return new RuleCheck(directory, List.copyOf(sources.files().keySet()), rules, sources.version(), problems,
                elapsed(started));
    }

    private RuleBook compile(RuleSources sources) {
        long started = System.nanoTime();
        List<RuleProblem> refused = guard.check(sources);
        if (!refused.isEmpty()) {
            throw new RuleCompilationException("rules in " + sources.directory() + " use what rules may not use",
                    refused);
        }
        Build build = build(sources);
        if (build.hasErrors()) {
            throw new RuleCompilationException("rules in " + sources.directory() + " do not compile",
                    build.problems().stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList());
        }
        KieBase kieBase = build.container().getKieBase();
        List<RuleProblem> gaps = PolicyCoverage.gaps(kieBase, sources);
        if (!gaps.isEmpty()) {
            throw new RuleCompilationException("rules in " + sources.directory() + " leave a policy without a rule", gaps);
        }
        Thresholds thresholds;
        ScannerUserAgents scanners;
        try {
            thresholds = sources.thresholds();
            scanners = sources.scannerUserAgents();
        } catch (ThresholdFileException e) {
            throw new RuleCompilationException("the thresholds in " + sources.directory() + " cannot be used",
                    List.of(problemOf(e)));
        }
        return new RuleBook(kieBase, sources.version(), List.copyOf(sources.files().keySet()), elapsed(started),
                thresholds, scanners);
    }

    private static RuleProblem problemOf(ThresholdFileException e) {
        return new RuleProblem(e.file(), (int) e.line(), 1, RuleProblem.Severity.ERROR, e.problem());
    }

    private Build build(RuleSources sources) {
        KieServices kieServices = KieServices.get();
        KieFileSystem files = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("org.voipguard", "rules", "1.0.0-" + sources.version());
        files.generateAndWritePomXML(releaseId);
        sources.files().forEach((name, content) -> files.write(SOURCE_ROOT + name, content));
        EngineLogs.Captured<KieBuilder> captured =
                EngineLogs.during(() -> kieServices.newKieBuilder(files).buildAll());
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : captured.result().getResults().getMessages()) {
            if (message.getLevel() != Message.Level.INFO) {
                problems.add(problem(message, sources));
            }
        }
        dropFollowOnErrors(problems);
        problems.addAll(knownPitfalls(sources));
        Set<Location> warned = new HashSet<>();
        for (String warning : captured.warnings()) {
            problems.add(deprecationWarning(warning, sources, warned));
        }
        return new Build(kieServices, releaseId, problems);
    }

    /**
     * Constructs that compile but fail at run time in this version of the engine. The
     * {@code str[...]} operators throw {@code NoSuchMethodError} once a condition has been
     * evaluated often enough to be compiled to bytecode (20 times): an import would stop half way.
     */
    private static List<RuleProblem> knownPitfalls(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String file : sources.files().keySet()) {
            List<String> lines = sources.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceFirst("//.*", "");
                Matcher operator = STR_OPERATOR.matcher(code);
                if (operator.find()) {
                    problems.add(new RuleProblem(sources.displayPath(file), i + 1, operator.start() + 1,
                            RuleProblem.Severity.ERROR, "the str[...] operator fails at run time in this rule engine "
                            + "(after 20 evaluations); write dialledE164.startsWith(\"+881\") instead of "
                            + "dialledE164 str[startsWith] \"+881\" (endsWith likewise)"));
                }
            }
        }
        return problems;
    }

    /** A file that does not parse also reports a "null package"; the parse error says it all. */
    private static void dropFollowOnErrors(List<RuleProblem> problems) {
        Set<String> filesWithErrors = new HashSet<>();
        problems.stream().filter(p -> p.line() > 0).forEach(p -> filesWithErrors.add(p.file()));
        problems.removeIf(p -> p.message().contains("Parser returned a null Package") && filesWithErrors.contains(p.file()));
    }

    private static RuleProblem problem(Message message, RuleSources sources) {
        RuleProblem.Severity severity = message.getLevel() == Message.Level.ERROR
                ? RuleProblem.Severity.ERROR : RuleProblem.Severity.WARNING;
        String text = MVEL_NOISE.matcher(message.getText()).replaceAll(" ").strip();
        Optional<String> file = sources.fileOf(message.getPath());
        if (file.isEmpty()) {
            return new RuleProblem(sources.directory().toString(), 0, 0, severity, text);
        }
        Location at = new Location(file.get(), Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0));
        Matcher unknown = UNKNOWN_NAME.matcher(text);
        if (at.line() > 0 && unknown.find()) {
            String name = firstGroup(unknown);
            at = sources.find(name, Optional.of(at)).stream().findFirst().orElse(at);
        }
        return new RuleProblem(sources.displayPath(at.file()), at.line(), at.column(), severity, text);
    }

    /**
     * A parser warning names the rule or quotes the construct; it is placed at the construct,
     * in the rule when the rule is named. Repeats of the same construct go to its next place.
     */
    private static RuleProblem deprecationWarning(String warning, RuleSources sources, Set<Location> warned) {
        Matcher ruleName = RULE_IN_WARNING.matcher(warning);
        Optional<Location> rule = ruleName.find() ? sources.ruleDeclaration(ruleName.group(1)) : Optional.empty();
        Matcher quoted = QUOTED.matcher(warning);
        Optional<Location> construct = quoted.find()
                ? sources.find(quoted.group(1), rule).stream().filter(l -> !warned.contains(l)).findFirst()
                : Optional.empty();
        Optional<Location> place = construct.or(() -> rule);
        place.ifPresent(warned::add);
        return place.map(l -> new RuleProblem(sources.displayPath(l.file()), l.line(), l.column(),
                        RuleProblem.Severity.WARNING, warning))
                .orElseGet(() -> new RuleProblem(sources.directory().toString(), 0, 0, RuleProblem.Severity.WARNING,
                        warning));
    }

    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private record Build(KieServices kieServices, ReleaseId releaseId, List<RuleProblem> problems) {

        boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == RuleProblem.Severity.ERROR);
        }

        KieContainer container() {
            return kieServices.newKieContainer(releaseId);
        }

        void forget() {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }
}
