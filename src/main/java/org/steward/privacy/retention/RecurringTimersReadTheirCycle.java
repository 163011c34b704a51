package org.steward.privacy.retention;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A recurring timer re-reads its cycle when it fires, so a changed {@code steward.privacy.retention-sweep-cycle}
 * takes effect after the next run, without a redeployment (the sweep is the only recurring timer).
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 2)
class RecurringTimersReadTheirCycle extends AbstractCamundaConfiguration {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setReevaluateTimeCycleWhenDue(true);
    }
}
