package dev.slackmgr.manager.store;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Enables {@link StoreProperties} and the scheduled {@link ExpiredRowCleanup}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
@EnableScheduling
public class StoreConfiguration {
}
