package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window was, for each arrangement of screens: its size, position and whether it was
 * maximised, kept with the app's settings in the data folder ({@value #FILE_NAME}). It is read before the
 * window first shows (the database opens after that, in the background), so the window opens where it was
 * left. On a first start, or on screens it has not been on, the window opens maximised, its size when
 * restored being 90% of the screen.
 */
public final class WindowPlaces {

    public static final String FILE_NAME = "window.properties";
    /** The share of the screen a window that is not maximised takes on a first start. */
    static final double FIRST_SHARE = 0.9;

    /** A window's place: its bounds when not maximised, and whether it is maximised. */
    public record Place(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path file;

    public WindowPlaces(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    /** The arrangement of screens now, as a key: each screen's bounds, e.g. "1366x768+0+0". */
    public static String screens() {
        return screens(Screen.getScreens().stream().map(Screen::getBounds).toList());
    }

    static String screens(List<Rectangle2D> bounds) {
        return bounds.stream().map(b -> String.format(Locale.ROOT, "%.0fx%.0f+%.0f+%.0f", b.getWidth(), b.getHeight(),
                b.getMinX(), b.getMinY())).sorted().collect(Collectors.joining(";"));
    }

    /** Where the window was on these screens; empty when never (or when the file cannot be read). Off the FX thread. */
    public Optional<Place> read(String screens) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String k = screens + ".";
            if (p.getProperty(k + "width") == null) {
                return Optional.empty();
            }
            return Optional.of(new Place(Double.parseDouble(p.getProperty(k + "x")), Double.parseDouble(p.getProperty(k + "y")),
                    Double.parseDouble(p.getProperty(k + "width")), Double.parseDouble(p.getProperty(k + "height")),
                    Boolean.parseBoolean(p.getProperty(k + "maximized"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a window in the default place is no loss
        }
    }

    /** Keeps where the window is on these screens, beside its places on other screens. Off the FX thread. */
    public void write(String screens, Place place) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear(); // unreadable: written afresh
            }
        }
        String k = screens + ".";
        p.setProperty(k + "x", num(place.x()));
        p.setProperty(k + "y", num(place.y()));
        p.setProperty(k + "width", num(place.width()));
        p.setProperty(k + "height", num(place.height()));
        p.setProperty(k + "maximized", Boolean.toString(place.maximized()));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "window", ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "EPA Workbench: where the main window was, for each arrangement of screens");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    /**
     * Puts the window where it was on these screens, if its place still lies on a screen; otherwise (a
     * first start) maximised, with 90% of the screen as its size when restored. Call before showing it.
     */
    public static Place apply(Stage stage, Optional<Place> saved) {
        Optional<Place> usable = saved.filter(WindowPlaces::onAScreen);
        Rectangle2D area = Screen.getPrimary().getVisualBounds();
        if (usable.isPresent()) {
            Place p = usable.get();
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(Math.min(p.width(), area.getWidth()));
            stage.setHeight(Math.min(p.height(), area.getHeight()));
            stage.setMaximized(p.maximized());
            return new Place(p.x(), p.y(), stage.getWidth(), stage.getHeight(), p.maximized());
        } else {
            double w = Math.floor(area.getWidth() * FIRST_SHARE);
            double h = Math.floor(area.getHeight() * FIRST_SHARE);
            stage.setWidth(w);
            stage.setHeight(h);
            stage.setX(area.getMinX() + (area.getWidth() - w) / 2);
            stage.setY(area.getMinY() + (area.getHeight() - h) / 2);
            stage.setMaximized(true);
            return new Place(stage.getX(), stage.getY(), w, h, true);
        }
    }

    /**
     * For the first seconds after showing: a size or position the window manager gives the window while mapping it
     * (openbox maps it at its minimum size) is replaced by its place again.
     */
    static void keepWhileMapping(Stage stage, Place place) {
        javafx.beans.value.ChangeListener<Number> back = (o, was, is) -> javafx.application.Platform.runLater(() -> reapply(stage, place));
        stage.widthProperty().addListener(back);
        stage.heightProperty().addListener(back);
        stage.xProperty().addListener(back);
        stage.yProperty().addListener(back);
        javafx.application.Platform.runLater(() -> reapply(stage, place));
        javafx.animation.PauseTransition settled = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        settled.setOnFinished(e -> {
            stage.widthProperty().removeListener(back);
            stage.heightProperty().removeListener(back);
            stage.xProperty().removeListener(back);
            stage.yProperty().removeListener(back);
        });
        settled.play();
    }

    /**
     * A modal dialog makes its owner fixed-size while it is open (JavaFX on Linux), and some window managers
     * (openbox) then take the owner out of its maximised state. The main window, maximised when a dialog opened
     * and restored while dialogs were open, is maximised again when the last of them closes.
     */
    static void keepMaximisedThroughDialogs(Stage main) {
        boolean[] maximisedAtOpen = {false};
        javafx.collections.ListChangeListener<javafx.stage.Window> dialogs = c -> {
            boolean open = javafx.stage.Window.getWindows().stream().anyMatch(w -> w != main && w instanceof Stage s
                    && s.getOwner() != null && s.isShowing());
            while (c.next()) {
                if (c.wasAdded() && c.getAddedSubList().stream().anyMatch(w -> w instanceof Stage s && s.getOwner() != null)
                        && main.isMaximized()) {
                    maximisedAtOpen[0] = true;
                }
            }
            if (!open && maximisedAtOpen[0]) {
                maximisedAtOpen[0] = false;
                // once the owner is resizable again (after this pulse); JavaFX may still believe it is maximised,
                // so it is told both ways
                javafx.animation.PauseTransition after = new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
                after.setOnFinished(e -> {
                    if (javafx.stage.Window.getWindows().stream().anyMatch(w -> w != main && w instanceof Stage s
                            && s.getOwner() != null && s.isShowing())) {
                        maximisedAtOpen[0] = true; // the next dialog came at once (Assessor profile, then New session)
                        return;
                    }
                    if (main.isShowing()) {
                        if (main.isMaximized()) {
                            main.setMaximized(false);
                        }
                        main.setMaximized(true);
                    }
                });
                after.play();
            }
        };
        javafx.stage.Window.getWindows().addListener(dialogs);
        main.showingProperty().addListener((o, was, is) -> {
            if (!is) {
                javafx.stage.Window.getWindows().removeListener(dialogs);
            }
        });
    }

    /** Gives a shown window (not maximised) its place again, if the window manager changed it while mapping it. */
    static void reapply(Stage stage, Place place) {
        if (!stage.isShowing() || stage.isMaximized()) {
            return;
        }
        if (Math.abs(stage.getWidth() - place.width()) > 1 || Math.abs(stage.getHeight() - place.height()) > 1) {
            stage.setWidth(place.width());
            stage.setHeight(place.height());
        }
        if (Math.abs(stage.getX() - place.x()) > 1 || Math.abs(stage.getY() - place.y()) > 1) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
    }

    /** A place whose title bar would show on one of the screens, at least 200 pixels of it. */
    static boolean onAScreen(Place p) {
        if (p.width() < 200 || p.height() < 150) {
            return false;
        }
        return Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch(b -> b.intersects(p.x(), p.y(), p.width(), 40) && Math.min(b.getMaxX(), p.x() + p.width())
                        - Math.max(b.getMinX(), p.x()) >= 200);
    }

    /**
     * Follows a window's place as it is moved, resized, maximised and restored: the bounds it has when not
     * maximised, and whether it is. {@link #place()} is where it is now.
     */
    public static final class Tracker {

        private final Stage stage;
        private double x;
        private double y;
        private double width;
        private double height;

        /** {@code applied} is the place the window was opened at (its bounds for when it is not maximised). */
        public Tracker(Stage stage, Place applied, Runnable onChange) {
            this.stage = stage;
            x = applied.x();
            y = applied.y();
            width = applied.width();
            height = applied.height();
            // change listeners, not invalidation ones: a change while maximised (not read then) must not leave the
            // properties invalid, which would silence every later move and resize
            javafx.beans.value.ChangeListener<Number> moved = (o, was, is) -> {
                if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                    remember();
                }
                onChange.run();
            };
            stage.xProperty().addListener(moved);
            stage.yProperty().addListener(moved);
            stage.widthProperty().addListener(moved);
            stage.heightProperty().addListener(moved);
            stage.maximizedProperty().addListener((o, was, is) -> onChange.run());
        }

        private void remember() {
            if (Double.isNaN(stage.getWidth()) || Double.isNaN(stage.getHeight())) {
                return;
            }
            x = stage.getX();
            y = stage.getY();
            width = stage.getWidth();
            height = stage.getHeight();
        }

        public Place place() {
            return new Place(x, y, width, height, stage.isMaximized());
        }
    }
}
