package io.rowdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the architecture note promises, checked on the compiled classes: no cycles between
 * packages, the web framework only in {@code web}, and nothing below {@code web} that reaches up
 * into it.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.rowdesk");
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("io.rowdesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void only_web_imports_javalin() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.rowdesk.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin..")
                .because("the web framework stays at the edge; services know nothing of HTTP")
                .check(classes);
    }

    @Test
    void nothing_below_web_depends_on_web() {
        // the composition root and the command line (which starts the server) sit above web
        noClasses()
                .that()
                .resideOutsideOfPackages("io.rowdesk.web..", "io.rowdesk.cli..")
                .and()
                .doNotHaveFullyQualifiedName("io.rowdesk.Rowdesk")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.rowdesk.web..")
                .check(classes);
    }
}
