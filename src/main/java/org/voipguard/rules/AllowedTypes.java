package org.voipguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Java types a rule may name: the fact types, the alert collector and plain values, plus
 * what the operator adds ({@code voipguard.rules.allowed-types}). An entry is a class name or a
 * package, which admits its classes and those of its subpackages. What reaches the system,
 * threads, reflection, files or the network is refused whatever the entries say.
 */
final class AllowedTypes {

    static final List<String> BUILT_IN = List.of(
            "org.voipguard.rules.facts",
            "org.voipguard.rules.AlertCollector",
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "java.lang.StringBuilder",
            "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character", "java.lang.Math",
            // to stop a run on purpose: README "When a rule fails while it runs"
            "java.lang.RuntimeException", "java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
            "java.lang.ArithmeticException",
            "java.math",
            "java.time");

    /** Names refused wherever they appear in a rule: the types and members that reach past the rule's facts. */
    static final Set<String> DENIED_NAMES = Set.of(
            "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Thread", "ThreadGroup", "ThreadLocal",
            "InheritableThreadLocal", "Class", "ClassLoader", "Module", "ModuleLayer", "StackWalker",
            "SecurityManager", "MethodHandles", "MethodHandle", "Unsafe",
            // reflection, from any object
            "getClass", "class", "forName", "getClassLoader", "classLoader", "loadClass", "getDeclaringClass",
            "declaringClass", "invoke", "invokeExact", "invokeWithArguments", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getConstructor",
            "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance", "setAccessible",
            // the rule engine behind kcontext and drools (in MVEL a getter is also read as a property)
            "getKieRuntime", "kieRuntime", "getKnowledgeRuntime", "knowledgeRuntime", "getWorkingMemory",
            "workingMemory", "getKieBase", "kieBase",
            // Integer.getInteger and the like read system properties
            "getInteger", "getLong", "getBoolean");

    static final List<String> DENIED_PACKAGES = List.of(
            "java.io", "java.nio", "java.net", "java.lang.reflect", "java.lang.invoke");

    private final List<String> entries;

    private AllowedTypes(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    static AllowedTypes builtIn() {
        return new AllowedTypes(BUILT_IN);
    }

    /** The built-in types and the operator's entries (blank entries are ignored). */
    static AllowedTypes with(List<String> operatorEntries) {
        List<String> entries = new ArrayList<>(BUILT_IN);
        operatorEntries.stream().map(String::strip).map(e -> e.endsWith(".*") ? e.substring(0, e.length() - 2) : e)
                .filter(e -> !e.isEmpty()).forEach(entries::add);
        return new AllowedTypes(entries);
    }

    /** Whether a rule may use the class of this fully qualified name (a nested class as {@code a.b.Outer.Inner}). */
    boolean admitsClass(String name) {
        return !denied(name) && entries.stream().anyMatch(e -> within(name, e));
    }

    /** Whether a rule may import every class of this package ({@code import a.b.*}). */
    boolean admitsPackage(String name) {
        return !denied(name) && entries.stream().anyMatch(e -> within(name, e));
    }

    /** The denied package a qualified name is in, if any. */
    static Optional<String> deniedPackageOf(String name) {
        return DENIED_PACKAGES.stream().filter(p -> within(name, p)).findFirst();
    }

    private static boolean denied(String name) {
        if (deniedPackageOf(name).isPresent()) {
            return true;
        }
        for (String segment : name.split("\\.")) {
            if (DENIED_NAMES.contains(segment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String name, String entry) {
        return name.equals(entry) || name.startsWith(entry + ".");
    }
}
