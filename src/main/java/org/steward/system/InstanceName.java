package org.steward.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Names this instance in a cluster: the job executor locks jobs under this name, so ACT_RU_JOB.LOCK_OWNER_
 * says which instance holds a job (by default the engine uses a random UUID that nobody can map to a
 * machine), and the engine records it as the host of every job it logs (ACT_HI_JOB_LOG.HOSTNAME_), so the
 * history says which instance ran each job. {@code steward.instance-name}, else the host name with a short
 * random suffix, unique per start.
 */
@Component
class InstanceName implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(InstanceName.class);

    private final String name;

    InstanceName(@Value("${steward.instance-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : configured.strip();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JobExecutor jobExecutor) {
            jobExecutor.setLockOwner(name);
            log.info("Job executor lock owner: {}", name);
        } else if (bean instanceof ProcessEngineConfigurationImpl configuration) {
            configuration.setHostname(name);
        }
        return bean;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "steward";
        }
    }
}
