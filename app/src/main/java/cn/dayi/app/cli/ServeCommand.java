package cn.dayi.app.cli;

import cn.dayi.app.Application;
import cn.dayi.app.local.LocalServices;
import io.micronaut.runtime.Micronaut;
import picocli.CommandLine.Command;

/** Starts the platform at http://localhost:8080 (port from {@code MICRONAUT_SERVER_PORT}). */
@Command(name = "serve", description = "Start the platform (the default).")
public class ServeCommand implements Runnable {

    @Override
    public void run() {
        Micronaut.build(new String[0])
                .mainClass(Application.class)
                .properties(LocalServices.resolve())
                .start();
    }
}
