package org.tunnellens;

import org.tunnellens.cli.TunnelLensCommand;

/**
 * Entry point. With a sub-command it is the CLI; with no arguments, or only capture files, it opens the window.
 * Kept free of JavaFX types so that the CLI runs without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (TunnelLensCommand.isCommand(args)) {
            System.exit(TunnelLensCommand.run(args));
        }
        GuiLauncher.launch(args);
    }
}
