package org.steward.organisations;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** The organisation register, its own module (issue 15): others read Organisation views, never the entity. */
class OrganisationsModuleTest {

    @Test
    void organisations_usesOnlySystem_andExposesTheRegisterItsViewsAndForms() {
        module("organisations")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(OrganisationRegister.class, Organisation.class, SecurityContact.class,
                        OrganisationForm.class, SecurityContactsForm.class);
    }
}
