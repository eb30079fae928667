package dev.slackmgr.manager.store;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Just the store (JPA, Flyway, {@link JpaIssueStore}) on a real PostgreSQL, without queues or Slack. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = JpaIssueStore.class)
class StoreTestApplication {
}
