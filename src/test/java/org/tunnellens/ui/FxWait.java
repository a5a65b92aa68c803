package org.tunnellens.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waits, in a TestFX test, for work on other threads to show in the window. */
public final class FxWait {
    private FxWait() {
    }

    /** Until {@code condition} holds (at most {@code seconds}), then until the FX thread has caught up. */
    public static void until(Supplier<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
