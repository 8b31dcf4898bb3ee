package vn.motcua.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SplitPackageFixture;

/**
 * The shape of the code (docs/architecture.md): each Java package lives in one module, packages do not
 * depend on each other in circles, and the engine-side core knows nothing of the adapters. Each rule is also
 * shown to fire on a fixture, so a green run means something.
 */
class ArchitectureTest {

    /** Main code of every module: delegates and app (forms and processes hold no Java). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ArchitectureTest::isMainCode)
            .importPackages("vn.motcua");

    @Test
    void noPackageLivesInTwoModules() {
        assertThat(packagesInSeveralModules(MAIN)).isEmpty();
        assertThat(MAIN.stream().map(ArchitectureTest::moduleOf).distinct())
                .as("the check saw both modules")
                .hasSize(2);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        packagesFreeOfCycles("vn.motcua").check(MAIN);
    }

    @Test
    void theEngineSideCoreKnowsNothingOfTheAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.motcua.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.motcua.app..", "org.springframework.web..", "jakarta.servlet..", "co.elastic..")
                .check(MAIN);
    }

    @Test
    void theSplitPackageRuleFiresOnAPackageInTwoModules() {
        JavaClasses split = new ClassFileImporter().importClasses(Dossier.class, SplitPackageFixture.class);
        assertThat(packagesInSeveralModules(split)).containsOnlyKeys("vn.motcua.dossier");
    }

    @Test
    void theCycleRuleFiresOnACycle() {
        JavaClasses cycle = new ClassFileImporter().importPackages("archfixture.cycle");
        assertThat(packagesFreeOfCycles("archfixture.cycle").evaluate(cycle).hasViolation())
                .isTrue();
    }

    private static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** Packages whose classes come from more than one classpath root, with those roots. */
    static Map<String, Set<String>> packagesInSeveralModules(JavaClasses classes) {
        Map<String, Set<String>> modules = new TreeMap<>();
        for (JavaClass c : classes) {
            modules.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>()).add(moduleOf(c));
        }
        modules.values().removeIf(roots -> roots.size() < 2);
        return modules;
    }

    /** The classpath root a class was read from: a classes folder or a jar. */
    private static String moduleOf(JavaClass c) {
        String uri = c.getSource().orElseThrow().getUri().toString();
        int jar = uri.indexOf("!/");
        return jar >= 0
                ? uri.substring(0, jar)
                : uri.substring(0, uri.indexOf("/" + c.getName().replace('.', '/')));
    }

    private static boolean isMainCode(Location location) {
        return !location.contains("/test-classes/")
                && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"))
                && ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);
    }
}
