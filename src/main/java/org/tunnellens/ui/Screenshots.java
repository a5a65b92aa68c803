package org.tunnellens.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene as a PNG, for the documented screenshots and for looking at what a test saw. */
public final class Screenshots {
    private Screenshots() {
    }

    public static void write(Scene scene, Path png) throws IOException {
        WritableImage img = scene.snapshot(null);
        if (png.toAbsolutePath().getParent() != null) {
            java.nio.file.Files.createDirectories(png.toAbsolutePath().getParent());
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
