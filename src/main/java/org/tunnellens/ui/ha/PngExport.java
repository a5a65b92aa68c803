package org.tunnellens.ui.ha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Writes a drawn node (the timeline, the ladder) to a PNG file, on a white background for slides and reports. */
public final class PngExport {
    private PngExport() {
    }

    /** Must run on the FX thread; returns the image's size in pixels as {width, height}. */
    public static int[] write(Node node, Path png) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        WritableImage img = node.snapshot(p, null);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return new int[] {(int) img.getWidth(), (int) img.getHeight()};
    }
}
