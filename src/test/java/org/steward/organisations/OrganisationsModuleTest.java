package org.steward.organisations;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** The organisation register, its own module (issue 15): others read Organisation views, never the entity. */
class OrganisationsModuleTest {

    @Test
    void organisations_usesOnlySystemAndTheRegister_andExposesTheRegisterItsViewsAndForms() {
        module("organisations")
                .dependsOnlyOn("system", "privacy")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(OrganisationRegister.class, Organisation.class, SecurityContact.class,
                        OrganisationForm.class, SecurityContactsForm.class,
                        OrganisationAdministrator.class, AdministratorForm.class); // DSR-5: the administrator contact
    }
}
