package org.voipguard.enforcement;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code voipguard serve}: answers a switch's questions over HTTP until it is stopped. The
 * launcher starts the web server for this command only; this command says where it listens and
 * waits until the application is closed (SIGTERM, Ctrl-C).
 */
@Component
@Command(name = "serve", description = {
        "Answer a switch's questions over HTTP until stopped: GET /v1/calls/authorize?number=&dialled=[&at=] "
                + "and /v1/registrations/authorize?number=&ip=, with /actuator/health and /actuator/prometheus.",
        "Listens on 127.0.0.1:8080 unless --server.address=... --server.port=... say otherwise."})
public class ServeCommand implements TopLevelCommand, Callable<Integer>, ApplicationListener<ContextClosedEvent> {

    private final ApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    @Spec
    private CommandSpec spec;

    public ServeCommand(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            spec.commandLine().getErr().println("voipguard: serve: no web server in this application context");
            return ExitCodes.BAD_USAGE;
        }
        String address = context.getEnvironment().getProperty("server.address", "0.0.0.0");
        out.printf("serve: listening on http://%s:%d%n", address, web.getWebServer().getPort());
        closed.await();
        out.println("serve: stopped");
        return ExitCodes.DONE;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            closed.countDown();
        }
    }
}
