package org.tunnellens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tunnellens lvs}: placeholder until the LVS-NAT analysis lands. */
@Command(name = "lvs", mixinStandardHelpOptions = true, description = "LVS-NAT (IPVS) reconstructed from captures.")
public final class LvsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
