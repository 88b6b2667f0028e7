package org.voipguard.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.voipguard.rules.CodeTokens.Token;

/**
 * Refuses rule files that reach past their facts. A rule is Java (or MVEL) code that runs with
 * the service's rights, so before a rules directory is compiled every file is parsed with the
 * engine's own DRL parser and each piece of code in it (imports, globals, functions, declared
 * types, rule attributes, conditions, {@code eval}, {@code from}, {@code accumulate}, queries
 * and consequences) is read token by token: every type it names must be one {@link AllowedTypes}
 * admits, and no name of {@link AllowedTypes#DENIED_NAMES} or package of
 * {@link AllowedTypes#DENIED_PACKAGES} may appear. The whole file is also swept for those
 * names, in case some construct held code the walk does not know. This is a guard against
 * mistakes and casual misuse, not a sandbox.
 */
final class RuleCodeGuard {

    private static final String SEE = " (rules are code run with the service's rights: see \"What rules may use\" "
            + "in rules/README.md)";
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
    private static final Set<String> RULE_ENGINE = Set.of("kcontext", "drools");
    private static final Set<AttributeDescr.Type> LITERAL_ATTRIBUTES =
            Set.of(AttributeDescr.Type.STRING, AttributeDescr.Type.DATE, AttributeDescr.Type.BOOLEAN);

    private final AllowedTypes allowed;
    private final Map<String, Boolean> classes = new ConcurrentHashMap<>();

    RuleCodeGuard(AllowedTypes allowed) {
        this.allowed = allowed;
    }

    /** One error for each line of a rule file that uses what rules may not; none when all is well. */
    List<RuleProblem> check(RuleSources sources) {
        Map<String, Optional<PackageDescr>> parsed = new TreeMap<>();
        for (String file : sources.files().keySet()) {
            parsed.put(file, parse(sources.text(file)));
        }
        Set<String> packageNames = new HashSet<>();
        parsed.values().forEach(descr -> descr.ifPresent(d -> addPackageNames(d, packageNames)));
        List<RuleProblem> problems = new ArrayList<>();
        parsed.forEach((file, descr) -> problems.addAll(new FileCheck(sources, file, packageNames).run(descr)));
        return problems;
    }

    /**
     * The file as the compiler's parser reads it; empty when it does not parse, for then the
     * compiler refuses it anyway. Parser warnings go to the log capture, as when compiling.
     */
    private static Optional<PackageDescr> parse(String text) {
        return EngineLogs.during(() -> {
            DrlParser parser = new DrlParser();
            try {
                PackageDescr descr = parser.parse(new StringReader(text));
                return parser.hasErrors() ? Optional.<PackageDescr>empty() : Optional.ofNullable(descr);
            } catch (DroolsParserException e) {
                return Optional.<PackageDescr>empty();
            }
        }).result();
    }

    /** Names the files of one package declare for each other: types, queries, functions, globals. */
    private static void addPackageNames(PackageDescr descr, Set<String> names) {
        descr.getClassAndEnumDeclarationDescrs().forEach(t -> names.add(t.getTypeName()));
        descr.getRules().stream().filter(RuleDescr::isQuery).forEach(q -> names.add(q.getName()));
        descr.getFunctions().forEach(f -> names.add(f.getName()));
        descr.getGlobals().forEach(g -> names.add(g.getIdentifier()));
    }

    private boolean classExists(String name) {
        return classes.computeIfAbsent(name, n -> {
            try {
                Class.forName(n, false, RuleCodeGuard.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static boolean capitalised(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
    }

    /** A reason to refuse a token of a piece of code. */
    private record Finding(Token token, String message) {
    }

    /** How the simple names of one file resolve: its imports, the package's own names and java.lang. */
    private final class Scope {

        private final Map<String, String> imported = new TreeMap<>();
        private final List<String> importedPackages = new ArrayList<>();
        private final Set<String> localNames = new HashSet<>();
        private String packageName = "";

        /** The class a capitalised name stands for: empty when it is the package's own or unknown. */
        Optional<String> resolve(String name) {
            if (imported.containsKey(name)) {
                return Optional.of(imported.get(name));
            }
            if (localNames.contains(name)) {
                return Optional.empty();
            }
            List<String> candidates = new ArrayList<>();
            candidates.add("java.lang." + name);
            importedPackages.forEach(p -> candidates.add(p + "." + name));
            candidates.add(packageName + "." + name);
            return candidates.stream().filter(RuleCodeGuard.this::classExists).findFirst();
        }

        boolean knows(String name) {
            return imported.containsKey(name) || localNames.contains(name) || resolve(name).isPresent();
        }
    }

    /** The check of one file; problems are kept one per line, the first found. */
    private final class FileCheck {

        private final String display;
        private final String text;
        private final List<Token> fileTokens;
        private final List<Integer> lineStarts = new ArrayList<>();
        private final Scope scope = new Scope();
        private final Map<Integer, RuleProblem> byLine = new TreeMap<>();

        FileCheck(RuleSources sources, String file, Set<String> packageNames) {
            this.display = sources.displayPath(file);
            this.text = sources.text(file);
            this.fileTokens = CodeTokens.ofRuleFile(text);
            scope.localNames.addAll(packageNames);
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    lineStarts.add(i + 1);
                }
            }
        }

        List<RuleProblem> run(Optional<PackageDescr> descr) {
            unicodeEscapes();
            descr.ifPresent(this::walk);
            for (Finding finding : findings(fileTokens, false)) {
                report(finding.token().start(), finding.message());
            }
            return List.copyOf(byLine.values());
        }

        /** Java reads {@code \u0053ystem} as {@code System}, even in a comment; the guard would not. */
        private void unicodeEscapes() {
            Matcher escape = UNICODE_ESCAPE.matcher(text);
            while (escape.find()) {
                report(escape.start(), "\\u escapes are not allowed in rule files: write the character itself");
            }
        }

        private void walk(PackageDescr descr) {
            scope.packageName = descr.getName();
            if (descr.getUnit() != null) {
                unsupported(descr.getUnit(), "a rule unit", 0);
            }
            descr.getImports().forEach(this::typeImport);
            descr.getFunctionImports().forEach(this::staticImport);
            descr.getAccumulateImports().forEach(this::accumulateImport);
            for (GlobalDescr global : descr.getGlobals()) {
                code(global.getType(), at(global, 0));
            }
            descr.getFunctions().forEach(this::function);
            descr.getClassAndEnumDeclarationDescrs().forEach(this::declaration);
            for (WindowDeclarationDescr window : descr.getWindowDeclarations()) {
                pattern(window.getPattern(), at(window, 0));
            }
            descr.getRules().forEach(this::rule);
        }

        private void typeImport(ImportDescr descr) {
            String target = descr.getTarget();
            boolean wildcard = target.endsWith(".*");
            String name = wildcard ? target.substring(0, target.length() - 2) : target;
            if (wildcard ? !allowed.admitsPackage(name) : !allowed.admitsClass(name)) {
                report(place(name, at(descr, 0)), "import " + target + ": " + refusal(name));
                scope.localNames.add(simpleName(name)); // its uses need no error of their own
            } else if (wildcard) {
                scope.importedPackages.add(name);
            } else {
                scope.imported.put(simpleName(name), name);
            }
        }

        /** {@code import static} and {@code import function}: the class must be allowed, the member not denied. */
        private void staticImport(FunctionImportDescr descr) {
            String target = descr.getTarget();
            int dot = target.lastIndexOf('.');
            String type = dot < 0 ? target : target.substring(0, dot);
            String member = target.substring(dot + 1);
            if (!allowed.admitsClass(type) || AllowedTypes.DENIED_NAMES.contains(member)) {
                String refused = AllowedTypes.DENIED_NAMES.contains(member) ? member : type;
                report(place(type, at(descr, 0)), "import static " + target + ": " + refusal(refused));
            } else {
                scope.localNames.add(member);
            }
        }

        /** A custom accumulate function is a Java class run by the engine: only an allowed one may be imported. */
        private void accumulateImport(AccumulateImportDescr descr) {
            if (!allowed.admitsClass(descr.getTarget())) {
                report(place(descr.getTarget(), at(descr, 0)),
                        "import accumulate " + descr.getTarget() + ": " + refusal(descr.getTarget()));
            } else {
                scope.localNames.add(descr.getFunctionName());
            }
        }

        private void function(FunctionDescr descr) {
            int at = at(descr, 0);
            code(descr.getReturnType(), at);
            descr.getParameterTypes().forEach(type -> code(type, at));
            code(descr.getBody(), at);
        }

        private void declaration(AbstractClassTypeDeclarationDescr descr) {
            int at = at(descr, 0);
            for (QualifiedName superType : descr.getSuperTypes()) {
                code(superType.isFullyQualified() ? superType.getFullName() : superType.getName(), at);
            }
            annotations(descr, at);
            for (TypeFieldDescr field : descr.getFields().values()) {
                int fieldAt = at(field, at);
                code(field.getPattern().getObjectType(), fieldAt);
                code(field.getInitExpr(), fieldAt);
                annotations(field, fieldAt);
            }
            if (descr instanceof EnumDeclarationDescr enumeration) {
                for (EnumLiteralDescr literal : enumeration.getLiterals()) {
                    literal.getConstructorArgs().forEach(arg -> code(arg, at(literal, at)));
                }
            }
        }

        /** Values of {@code @timestamp(...)}, {@code @duration(...)} and the like may be expressions. */
        private void annotations(AnnotatedBaseDescr descr, int at) {
            for (AnnotationDescr annotation : descr.getAnnotations()) {
                annotation.getValueMap().values().forEach(value -> code(String.valueOf(value), at(annotation, at)));
            }
        }

        private void rule(RuleDescr descr) {
            int at = at(descr, 0);
            for (AttributeDescr attribute : descr.getAttributes().values()) {
                if (!LITERAL_ATTRIBUTES.contains(attribute.getType())) {
                    code(attribute.getValue(), at(attribute, at));
                }
            }
            if (descr instanceof QueryDescr query) {
                for (String type : query.getParameterTypes()) {
                    code(type, at);
                }
            }
            conditions(descr.getLhs(), at);
            consequence(descr.getConsequence(), descr.getConsequenceLine() > 0
                    ? lineStart(descr.getConsequenceLine()) : at);
            descr.getNamedConsequences().forEach((name, body) -> consequence(body, namedConsequence(name, at)));
        }

        private void consequence(Object body, int at) {
            if (body instanceof String code) {
                code(code, at);
            } else if (body != null) {
                unsupported(null, "a consequence of type " + body.getClass().getSimpleName(), at);
            }
        }

        private int namedConsequence(String name, int ruleStart) {
            Matcher label = Pattern.compile("\\[\\s*" + Pattern.quote(name) + "\\s*]").matcher(text);
            return label.find(ruleStart) ? label.end() : ruleStart;
        }

        private void conditions(BaseDescr descr, int parent) {
            if (descr == null) {
                return;
            }
            int at = at(descr, parent);
            if (descr instanceof PatternDescr pattern) {
                pattern(pattern, at);
            } else if (descr instanceof PatternSourceDescr source) {
                source(source, at);
            } else if (descr instanceof EvalDescr eval) {
                code(String.valueOf(eval.getContent()), at);
            } else if (descr instanceof ConditionalBranchDescr branch) {
                conditions(branch.getCondition(), at);
                conditions(branch.getElseBranch(), at);
            } else if (descr instanceof ConditionalElementDescr element) {
                element.getDescrs().forEach(nested -> conditions(nested, at));
            } else if (!(descr instanceof NamedConsequenceDescr)) {
                unsupported(descr, null, at);
            }
        }

        private void pattern(PatternDescr descr, int parent) {
            if (descr == null) {
                return;
            }
            int at = at(descr, parent);
            if (!descr.isQuery() && descr.getObjectType() != null) {
                code(descr.getObjectType(), at);
            }
            for (BaseDescr constraint : descr.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    code(expression.getExpression(), at(expression, at));
                } else if (constraint instanceof BindingDescr binding) {
                    code(binding.getExpression(), at(binding, at));
                } else {
                    conditions(constraint, at);
                }
            }
            if (descr.getSource() != null) {
                source(descr.getSource(), at);
            }
        }

        private void source(PatternSourceDescr descr, int parent) {
            int at = at(descr, parent);
            if (descr instanceof FromDescr from) {
                if (from.getDataSource() instanceof MVELExprDescr expression) {
                    code(expression.getExpression(), at);
                } else {
                    unsupported(from.getDataSource(), null, at);
                }
            } else if (descr instanceof AccumulateDescr accumulate) {
                accumulate(accumulate, at);
            } else if (descr instanceof CollectDescr collect) {
                collect.getDescrs().forEach(input -> conditions(input, at));
            } else if (!(descr instanceof EntryPointDescr || descr instanceof WindowReferenceDescr)) {
                unsupported(descr, null, at);
            }
        }

        private void accumulate(AccumulateDescr descr, int at) {
            descr.getDescrs().forEach(input -> conditions(input, at));
            for (String code : new String[] {descr.getInitCode(), descr.getActionCode(), descr.getReverseCode(),
                    descr.getResultCode()}) {
                code(code, at);
            }
            if (descr.isExternalFunction()) {
                code(descr.getClassName(), at);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : descr.getFunctions()) {
                for (String parameter : function.getParams()) {
                    code(parameter, at);
                }
            }
            if (descr instanceof GroupByDescr groupBy) {
                code(groupBy.getGroupingKey(), at);
                code(groupBy.getGroupingFunction(), at);
            }
        }

        private void unsupported(BaseDescr descr, String what, int parent) {
            String name = what != null ? what : descr == null ? "this construct" : descr.getClass().getSimpleName();
            report(descr == null ? parent : at(descr, parent), name + " is not allowed in rule files: the rule guard "
                    + "cannot check it");
        }

        /** Checks a piece of code found near {@code anchor}; each finding is reported where the file has it. */
        private void code(String code, int anchor) {
            if (code == null || code.isBlank()) {
                return;
            }
            List<Token> tokens = CodeTokens.of(code);
            int start = fragmentStart(code, anchor);
            for (Finding finding : findings(tokens, true)) {
                report(locate(finding.token(), tokens, start), finding.message());
            }
        }

        /** Where the code starts in the file: the parser hands most code over verbatim. */
        private int fragmentStart(String code, int anchor) {
            String firstLine = code.strip().lines().findFirst().orElse("");
            int found = firstLine.isEmpty() ? -1 : text.indexOf(firstLine, anchor);
            return found >= 0 ? found : anchor;
        }

        /** The file's token that is the same occurrence of the name as the code's token. */
        private int locate(Token token, List<Token> tokens, int from) {
            long before = tokens.stream().filter(t -> t.start() < token.start() && t.text().equals(token.text())).count();
            for (Token candidate : fileTokens) {
                if (candidate.start() >= from && candidate.text().equals(token.text()) && before-- == 0) {
                    return candidate.start();
                }
            }
            return from;
        }

        /**
         * What is refused in the tokens. Names joined by dots are read together: {@code java.io.File},
         * {@code $call.getClass}. With {@code resolveTypes}, each type they start with must be allowed.
         */
        private List<Finding> findings(List<Token> tokens, boolean resolveTypes) {
            List<Finding> findings = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                if (!tokens.get(i).isName()) {
                    i++;
                    continue;
                }
                int end = i;
                while (end + 2 < tokens.size() && tokens.get(end + 1).kind() == CodeTokens.Kind.DOT
                        && tokens.get(end + 2).isName()) {
                    end += 2;
                }
                List<Token> names = new ArrayList<>();
                for (int n = i; n <= end; n += 2) {
                    names.add(tokens.get(n));
                }
                Token before = i == 0 ? null : tokens.get(i - 1);
                Token after = end + 1 < tokens.size() ? tokens.get(end + 1) : null;
                boolean qualifiedFromStart = before == null || !(before.kind() == CodeTokens.Kind.DOT || before.is("@"));
                chain(names, qualifiedFromStart, after, resolveTypes).ifPresent(findings::add);
                i = end + 1;
            }
            return findings;
        }

        private Optional<Finding> chain(List<Token> names, boolean fromStart, Token after, boolean resolveTypes) {
            Token first = names.get(0);
            if (fromStart && RULE_ENGINE.contains(first.text()) && (names.size() > 1 || after == null
                    || !(after.is(",") || after.is(")")))) {
                return Optional.of(new Finding(first, first.text() + " may only be passed on as it is, as in "
                        + "alerts.raise(kcontext, ...): a rule may not use the rule engine through it" + SEE));
            }
            for (Token name : names) {
                if (AllowedTypes.DENIED_NAMES.contains(name.text())) {
                    return Optional.of(new Finding(name, refusal(name.text())));
                }
            }
            if (!fromStart) {
                return Optional.empty();
            }
            String joined = String.join(".", names.stream().map(Token::text).toList());
            Optional<String> deniedPackage = AllowedTypes.deniedPackageOf(joined);
            if (deniedPackage.isPresent()) {
                return Optional.of(new Finding(first, refusal(deniedPackage.get())));
            }
            return resolveTypes ? typeFinding(names) : Optional.empty();
        }

        /** The type a name chain starts with, if it is one: {@code BigDecimal.ONE}, {@code java.util.List.of}. */
        private Optional<Finding> typeFinding(List<Token> names) {
            Token first = names.get(0);
            if (first.text().startsWith("$")) {
                return Optional.empty();
            }
            if (capitalised(first.text())) {
                if (!scope.knows(first.text())) {
                    return Optional.of(new Finding(first, notAllowedType(first.text())));
                }
                return scope.resolve(first.text()).filter(type -> !allowed.admitsClass(type))
                        .map(type -> new Finding(first, notAllowedType(type)));
            }
            StringBuilder qualified = new StringBuilder(first.text());
            for (Token name : names.subList(1, names.size())) {
                qualified.append('.').append(name.text());
                if (capitalised(name.text()) && classExists(qualified.toString())) {
                    return allowed.admitsClass(qualified.toString()) ? Optional.empty()
                            : Optional.of(new Finding(first, notAllowedType(qualified.toString())));
                }
            }
            return Optional.empty();
        }

        private String refusal(String name) {
            if (AllowedTypes.DENIED_NAMES.contains(name)) {
                return name + " is not allowed in a rule: rules may not reach the system, processes, threads, "
                        + "reflection or the rule engine" + SEE;
            }
            Optional<String> deniedPackage = AllowedTypes.deniedPackageOf(name);
            if (deniedPackage.isPresent()) {
                return deniedPackage.get() + " is not allowed in a rule: rules may not use files, the network or "
                        + "reflection" + SEE;
            }
            for (String segment : name.split("\\.")) {
                if (AllowedTypes.DENIED_NAMES.contains(segment)) {
                    return refusal(segment);
                }
            }
            return notAllowedType(name);
        }

        private String notAllowedType(String name) {
            return name + " is not a type rules may use: they may use the fact types, alerts, strings, numbers, "
                    + "java.math, java.time and what voipguard.rules.allowed-types adds" + SEE;
        }

        /** Where a descr starts in the file; {@code fallback} when the parser did not say. */
        private int at(BaseDescr descr, int fallback) {
            if (descr.getStartCharacter() >= 0 && descr.getStartCharacter() < text.length()) {
                return descr.getStartCharacter();
            }
            if (descr.getLine() > 0 && descr.getLine() <= lineStarts.size()) {
                return Math.min(text.length(), lineStart(descr.getLine()) + Math.max(0, descr.getColumn()));
            }
            return fallback;
        }

        /** Where a name is written from {@code from} on, or {@code from} itself. */
        private int place(String name, int from) {
            int found = text.indexOf(name, from);
            return found >= 0 ? found : from;
        }

        private int lineStart(int line) {
            return lineStarts.get(Math.min(line, lineStarts.size()) - 1);
        }

        private void report(int offset, String message) {
            int line = lineOf(offset);
            byLine.putIfAbsent(line, new RuleProblem(display, line, offset - lineStarts.get(line - 1) + 1,
                    RuleProblem.Severity.ERROR, message));
        }

        private int lineOf(int offset) {
            int line = 1;
            while (line < lineStarts.size() && lineStarts.get(line) <= offset) {
                line++;
            }
            return line;
        }
    }
}
