package org.voipguard.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The feature packages ({@code cdr}, {@code registration}, {@code billing}, {@code numbers},
 * {@code notification}, {@code rules}, …, each with its subpackages) depend on each other
 * without a cycle, so each can be read, tested and changed from the packages below it.
 */
class PackageDependenciesTest {

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.voipguard");

    @Test
    void featurePackagesDependOnEachOtherWithoutACycle() {
        slices().matching("org.voipguard.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(MAIN_CODE);
    }
}
