package dev.slackmgr.api.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link JsonErrorReportValve} as the host's only error report valve (replacing Tomcat's HTML one). */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorConfiguration {

    @Bean
    TomcatContextCustomizer jsonErrorReports() {
        // on BEFORE_START every customizer (Spring Boot adds its own ErrorReportValve) has run and the host has
        // added its default valve: replace whatever is there
        return context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                install(context.getParent());
            }
        });
    }

    static void install(Container host) {
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        Pipeline pipeline = host.getPipeline();
        boolean installed = false;
        for (Valve v : pipeline.getValves()) {
            if (v instanceof JsonErrorReportValve) {
                installed = true;
            } else if (v instanceof ErrorReportValve) {
                pipeline.removeValve(v);
            }
        }
        if (!installed) {
            pipeline.addValve(new JsonErrorReportValve());
        }
    }
}
