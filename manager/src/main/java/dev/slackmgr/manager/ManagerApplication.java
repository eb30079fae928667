package dev.slackmgr.manager;

import org.springframework.boot.SpringApplication;
import dev.slackmgr.common.tracing.TracingConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The issue manager: consumes the queues, runs the issue engine, talks to Slack and Postgres. */
@SpringBootApplication
@Import(TracingConfiguration.class)
public class ManagerApplication {
    public static void main(String[] args) {
        SpringApplication.run(ManagerApplication.class, args);
    }
}
