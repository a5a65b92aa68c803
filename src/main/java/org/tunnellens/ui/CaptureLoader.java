package org.tunnellens.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;

/**
 * Opens and indexes a capture on a worker thread. The first small batch is handed to the UI at once so rows show
 * before the file is indexed; later batches are bigger and the UI hears of them at most a few times a second.
 */
public final class CaptureLoader extends Task<CaptureFile> {
    static final int FIRST_BATCH = 2_000;
    static final int BATCH = 100_000;

    private final Path path;
    private final Consumer<CaptureFile> onOpened;
    private final IntConsumer onIndexed;
    private volatile CaptureFile file;

    /**
     * @param onOpened  called on the UI thread once the first batch is indexed
     * @param onIndexed called on the UI thread with the packet count as indexing advances
     */
    public CaptureLoader(Path path, Consumer<CaptureFile> onOpened, IntConsumer onIndexed) {
        this.path = path;
        this.onOpened = onOpened;
        this.onIndexed = onIndexed;
    }

    @Override
    protected CaptureFile call() throws CaptureException {
        updateMessage("Opening " + path.getFileName());
        CaptureFile f = CaptureFile.openLazily(path);
        file = f;
        boolean more = f.indexMore(FIRST_BATCH);
        int first = f.packetCount();
        Platform.runLater(() -> {
            onOpened.accept(f);
            onIndexed.accept(first);
        });
        long lastUpdate = System.nanoTime();
        while (more && !isCancelled()) {
            more = f.indexMore(BATCH);
            updateProgress(f.bytesRead(), f.size());
            long now = System.nanoTime();
            if (!more || now - lastUpdate > 200_000_000L) {
                lastUpdate = now;
                int n = f.packetCount();
                updateMessage("Indexing " + path.getFileName() + ": " + n + " packets");
                Platform.runLater(() -> onIndexed.accept(n));
            }
        }
        int n = f.packetCount();
        Platform.runLater(() -> onIndexed.accept(n));
        updateProgress(1, 1);
        return f;
    }

    /** The file once mapped, even when indexing was cancelled or failed part-way. */
    public CaptureFile file() {
        return file;
    }
}
