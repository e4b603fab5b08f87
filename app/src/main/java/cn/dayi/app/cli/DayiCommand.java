package cn.dayi.app.cli;

import picocli.CommandLine.Command;

/** {@code dayi [serve|import|reindex]}; no subcommand means serve. */
@Command(name = "dayi", mixinStandardHelpOptions = true,
        description = "Dayi (大仪): marketplace for large scientific instruments.",
        subcommands = {ServeCommand.class, ImportCommand.class, ReindexCommand.class})
public class DayiCommand implements Runnable {

    @Override
    public void run() {
        new ServeCommand().run();
    }
}
