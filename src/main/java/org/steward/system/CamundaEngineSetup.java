package org.steward.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steward.security.StaffGroups;

/**
 * Engine settings that properties cannot express: our history level, and the admins group as
 * Camunda administrators.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class CamundaEngineSetup extends AbstractCamundaConfiguration {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new HistoryWithoutSensitiveVariables());
        configuration.setCustomHistoryLevels(levels);
        configuration.setHistory(HistoryWithoutSensitiveVariables.NAME);

        List<String> adminGroups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
            adminGroups.addAll(configuration.getAdminGroups());
        }
        adminGroups.add(StaffGroups.ADMINS);
        configuration.setAdminGroups(adminGroups);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        logger.info("Camunda administrator groups: {}", configuration.getAdminGroups());
    }
}
