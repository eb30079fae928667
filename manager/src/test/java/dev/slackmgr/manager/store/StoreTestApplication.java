package dev.slackmgr.manager.store;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.ComponentScan;

/**
 * Just the store (JPA, Flyway, {@link JpaIssueStore}) on a real PostgreSQL, without queues or Slack.
 * {@code @TestComponent} keeps the application's own component scan (in other Spring Boot tests) from picking
 * it up as a second auto-configuration root.
 */
@TestComponent
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = JpaIssueStore.class)
public class StoreTestApplication {
}
