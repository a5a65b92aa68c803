package org.tunnellens.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunnellens} command and its sub-commands. */
@Command(name = "tunnellens", mixinStandardHelpOptions = true, version = "TunnelLens 0.1.0",
        description = "See VXLAN, VRRP and LVS-NAT in your own captures.",
        subcommands = {PacketsCommand.class, InfoCommand.class, StatsCommand.class, CorrelateCommand.class,
            VniMapCommand.class, VrrpCommand.class, LvsCommand.class, CommandLine.HelpCommand.class})
public final class TunnelLensCommand implements Runnable {
    private static final Set<String> GLOBAL = Set.of("-h", "--help", "-V", "--version", "help");

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** True when the arguments name a sub-command (or ask for help), false for "open the window". */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        CommandLine cl = new CommandLine(new TunnelLensCommand());
        return cl.getSubcommands().containsKey(args[0]) || GLOBAL.contains(args[0]);
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new TunnelLensCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("tunnellens: " + ex.getMessage());
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (InternalError e) {
            // the JVM's report of SIGBUS on a mapped page: a capture was truncated by another program while a
            // command was scanning it, between two of the dissector's size checks
            cl.getErr().println("tunnellens: a capture file shrank while being read (truncated by another program?): "
                    + e.getMessage());
            return 2;
        }
    }
}
