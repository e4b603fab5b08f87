package cn.dayi.app;

import cn.dayi.app.cli.DayiCommand;
import picocli.CommandLine;

/**
 * Entry point of the one deployable. Without arguments (or with {@code serve}) it starts the
 * platform; {@code import} and {@code reindex} are the command-line tools (see README).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new DayiCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }
}
