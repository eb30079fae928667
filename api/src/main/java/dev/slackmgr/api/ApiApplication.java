package dev.slackmgr.api;

import org.springframework.boot.SpringApplication;
import dev.slackmgr.common.tracing.TracingConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The alert ingestion service. */
@SpringBootApplication
@Import(TracingConfiguration.class)
public class ApiApplication {
    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
