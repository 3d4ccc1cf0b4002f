package io.taolun.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import io.taolun.core.planteda.CachesInTheCore;
import io.taolun.core.plantedb.CallsBack;
import io.taolun.slack.planted.ReachesIntoThePolls;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
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
                        "okhttp3..", "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..",
                        "java.awt..", "javax.imageio..", "org.knowm..", "com.hankcs..");
        rule.check(classes);
    }

    @Test
    void the_core_depends_on_no_adapter_or_the_app() {
        noClasses().that().resideInAPackage("io.taolun.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.taolun.console..", "io.taolun.slack..", "io.taolun.discord..", "io.taolun.store..",
                        "io.taolun.chart..", "io.taolun.lucene..", "io.taolun.nlp..", "io.taolun.web..",
                        "io.taolun.app..")
                .check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other_or_on_the_app() {
        for (String adapter : List.of("console", "store", "slack", "discord", "chart", "lucene", "nlp", "web")) {
            List<String> others = new java.util.ArrayList<>(List.of("io.taolun.console..", "io.taolun.store..",
                    "io.taolun.slack..", "io.taolun.discord..", "io.taolun.chart..", "io.taolun.lucene..",
                    "io.taolun.nlp..", "io.taolun.web..", "io.taolun.app.."));
            others.remove("io.taolun." + adapter + "..");
            noClasses().that().resideInAPackage("io.taolun." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /**
     * What the core may use, as an allow-list: the JDK (with its {@code javax.crypto}, which keys the hashes of voters
     * in polls of two rounds), itself, slf4j, and Jackson (the seeds' YAML, CSV export). A
     * cache, a search engine, a metrics library or a scheduler in the core fails here, not only the platforms.
     */
    private static final ArchRule CORE_ALLOW_LIST = classes().that().resideInAPackage("io.taolun.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "io.taolun.core..",
                    "org.slf4j..", "com.fasterxml.jackson..");

    /** No two packages of ours depend on each other, at the top level or inside the core. */
    private static final List<ArchRule> NO_CYCLES = List.of(
            slices().matching("io.taolun.(*)..").should().beFreeOfCycles(),
            slices().matching("io.taolun.core.(*)..").should().beFreeOfCycles());

    /**
     * The adapters see the core through its API package only ({@code io.taolun.core}: requests, replies, actions,
     * ports); the feature packages behind it are the core's own business.
     */
    private static final ArchRule ADAPTERS_USE_THE_CORE_API = noClasses()
            .that().resideInAnyPackage("io.taolun.slack..", "io.taolun.discord..", "io.taolun.console..")
            .should().dependOnClassesThat().resideInAnyPackage("io.taolun.core.*..");

    @Test
    void the_core_uses_only_the_jdk_itself_slf4j_and_jackson() {
        CORE_ALLOW_LIST.check(classes);
    }

    @Test
    void the_allow_list_catches_a_cache_library_in_the_core() {
        JavaClasses planted = new ClassFileImporter().importClasses(CachesInTheCore.class);
        assertThatThrownBy(() -> CORE_ALLOW_LIST.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("caffeine");
    }

    @Test
    void no_packages_depend_on_each_other_in_a_cycle() {
        NO_CYCLES.forEach(rule -> rule.check(classes));
    }

    @Test
    void the_cycle_rule_catches_two_core_packages_that_use_each_other() {
        JavaClasses planted = new ClassFileImporter().importClasses(CachesInTheCore.class, CallsBack.class);
        assertThatThrownBy(() -> NO_CYCLES.get(1).check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }

    @Test
    void adapters_use_only_the_cores_api_package() {
        ADAPTERS_USE_THE_CORE_API.check(classes);
    }

    @Test
    void the_api_rule_catches_an_adapter_reaching_into_a_core_feature() {
        JavaClasses planted = new ClassFileImporter().importClasses(ReachesIntoThePolls.class);
        assertThatThrownBy(() -> ADAPTERS_USE_THE_CORE_API.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.taolun.core.poll.Poll");
    }

    /** Any java.time {@code now(...)} that does not take a Clock, {@code Clock.system*}, or the system millis. */
    private static final DescribedPredicate<JavaMethodCall> READS_SYSTEM_CLOCK =
            new DescribedPredicate<>("read the system clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean takesClock = call.getTarget().getRawParameterTypes().stream()
                            .anyMatch(t -> t.getName().equals(Clock.class.getName()));
                    boolean timeNow = owner.startsWith("java.time.") && name.equals("now") && !takesClock;
                    boolean systemClock = owner.equals(Clock.class.getName()) && name.startsWith("system");
                    boolean millis = owner.equals(System.class.getName())
                            && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
                    return timeNow || systemClock || millis;
                }
            };

    @Test
    void the_core_never_reads_the_system_clock() {
        noClasses().that().resideInAPackage("io.taolun.core..")
                .should().callMethodWhere(READS_SYSTEM_CLOCK)
                .check(classes);
    }

    @Test
    void the_clock_rule_catches_a_direct_read() {
        // GIVEN a class that reads the clock without a Clock
        JavaClasses offender = new ClassFileImporter().importClasses(ClockReader.class);
        // THEN the rule reports it
        assertThatThrownBy(() -> noClasses().should().callMethodWhere(READS_SYSTEM_CLOCK).check(offender))
                .isInstanceOf(AssertionError.class);
    }

    /** Reads the clock in every forbidden way. */
    static final class ClockReader {
        Object read() {
            return List.of(Instant.now(), LocalDate.now(ZoneId.of("UTC")), OffsetDateTime.now(), Clock.systemUTC());
        }
    }
}
