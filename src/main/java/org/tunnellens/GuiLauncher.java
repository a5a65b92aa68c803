package org.tunnellens;

/** Starts the desktop app through reflection so the CLI never loads JavaFX classes. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        try {
            Class<?> app = Class.forName("org.tunnellens.ui.TunnelLensApp");
            app.getMethod("launchApp", String[].class).invoke(null, (Object) args);
        } catch (ClassNotFoundException e) {
            System.err.println("tunnellens: the desktop app is not built yet; try 'tunnellens packets -r FILE'");
            System.exit(2);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("tunnellens: cannot start the desktop app: " + cause);
            System.exit(2);
        }
    }
}
