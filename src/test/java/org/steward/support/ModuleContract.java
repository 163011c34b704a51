package org.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.steward.StewardApplication;

/**
 * One module's contract, checked against the compiled code (issue 15): the module exists, uses only
 * the modules it names, keeps its JPA entities and Spring Data repositories internal, and (where
 * given) exposes exactly the listed API types in its root package. Reads bytecode only: no Spring
 * context, no engine, a few seconds for the first module and milliseconds for the rest.
 */
public final class ModuleContract {

    private static final class Modules {
        static final ApplicationModules ALL = ApplicationModules.of(StewardApplication.class);
    }

    private final ApplicationModule module;

    private ModuleContract(ApplicationModule module) {
        this.module = module;
    }

    public static ModuleContract module(String name) {
        assertThat(Modules.ALL.getModuleByName(name)).as("module %s", name).isPresent();
        return new ModuleContract(Modules.ALL.getModuleByName(name).orElseThrow());
    }

    /** Every module this one depends on (types it uses, beans it injects, entities it references) is listed. */
    public ModuleContract dependsOnlyOn(String... allowed) {
        Set<String> used = module.getDirectDependencies(Modules.ALL).uniqueModules()
                .map(ApplicationModule::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("modules %s depends on", module.getName()).isSubsetOf(Arrays.asList(allowed));
        return this;
    }

    /** No JPA entity and no Spring Data repository is visible outside the module. */
    public ModuleContract keepsEntitiesAndRepositoriesInternal() {
        Set<String> exposed = module.getBasePackage().stream()
                .filter(type -> type.isAnnotatedWith("jakarta.persistence.Entity")
                        || type.isAssignableTo("org.springframework.data.repository.Repository"))
                .filter(type -> isPublic(type) && module.isExposed(type))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(exposed).as("entities and repositories %s exposes", module.getName()).isEmpty();
        return this;
    }

    /** The public top-level types of the root package are exactly these: the module's API. */
    public ModuleContract exposesOnly(Class<?>... api) {
        String root = module.getBasePackage().getName();
        Set<String> exposed = module.getBasePackage().stream()
                .filter(type -> type.getPackageName().equals(root) && type.isTopLevelClass() && isPublic(type))
                .map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(exposed).as("API of %s", module.getName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(api).map(Class::getSimpleName).toList());
        return this;
    }

    private static boolean isPublic(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC);
    }
}
