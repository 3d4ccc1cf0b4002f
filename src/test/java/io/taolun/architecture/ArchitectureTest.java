package io.taolun.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.taolun");
    }

    @Test
    void the_core_uses_no_platform_jdbc_or_terminal_classes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.taolun.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.slack..", "net.dv8tion..", "java.sql..", "javax.sql..", "org.jline..", "picocli..",
                        "okhttp3..");
        rule.check(classes);
    }

    @Test
    void the_core_depends_on_no_adapter_or_the_app() {
        noClasses().that().resideInAPackage("io.taolun.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.taolun.console..", "io.taolun.slack..", "io.taolun.discord..", "io.taolun.store..",
                        "io.taolun.app..")
                .check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other_or_on_the_app() {
        noClasses().that().resideInAPackage("io.taolun.console..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.taolun.slack..", "io.taolun.discord..", "io.taolun.store..", "io.taolun.app..")
                .check(classes);
    }

    @Test
    void the_core_never_reads_the_system_clock() {
        noClasses().that().resideInAPackage("io.taolun.core..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
