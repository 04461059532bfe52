package org.epaworkbench.ui.common;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A dialog's confirm button takes one action. When a dialog closes on a mouse click, the rest of that
 * gesture (the second click of a double-click) lands on whatever window is now under the pointer: the
 * screen behind, or the next dialog. For a double-click's time after such a close, mouse presses on
 * the app's windows at the same place are swallowed, with the release and click that follow them; a
 * click elsewhere is a new action and goes through.
 *
 * <p>One guard for every dialog of the app, whoever built it: it watches the app's windows rather than
 * each dialog's buttons. Installed when the app starts; {@link Dialogs} installs it too.
 */
public final class ClickThroughGuard {

    /** A double-click's time on the common desktops (Windows and GNOME default to 400–500 ms). */
    static final long GESTURE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** How far the pointer may move between the two clicks of a double-click, in pixels. */
    static final double GESTURE_DISTANCE = 8;

    private static final String LAST_RELEASE = ClickThroughGuard.class.getName() + ".lastRelease";
    private static final String WATCHED = ClickThroughGuard.class.getName() + ".watched";
    private static final LongSupplier SYSTEM = System::nanoTime;

    private static LongSupplier clock = SYSTEM;
    private static boolean installed;
    /** Presses before this reading (of {@link #clock}) are the rest of a gesture that closed a dialog. */
    private static long guardUntil;
    /** Where the closing click was, on the screen. */
    private static double guardX;
    private static double guardY;
    private static boolean guarding;
    /** A swallowed press: its release and click are swallowed too, whenever they come. */
    private static boolean swallowedPress;

    private ClickThroughGuard() {
    }

    /** Starts watching the app's windows; once is enough, more is harmless. On the FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (Window w : Window.getWindows()) {
            watch(w);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(ClickThroughGuard::watch);
                c.getRemoved().forEach(ClickThroughGuard::closed);
            }
        });
    }

    /** The time source, in nanoseconds; null for the system's. For tests, which move time by hand. */
    public static void useClock(LongSupplier nanos) {
        clock = nanos == null ? SYSTEM : nanos;
        guarding = false;
        swallowedPress = false;
    }

    private static void watch(Window w) {
        if (w.getProperties().containsKey(WATCHED)) {
            return;
        }
        w.getProperties().put(WATCHED, Boolean.TRUE);
        w.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> w.getProperties().put(LAST_RELEASE,
                new Release(clock.getAsLong(), e.getScreenX(), e.getScreenY())));
        EventHandler<MouseEvent> swallow = ClickThroughGuard::swallow;
        w.addEventFilter(MouseEvent.ANY, swallow);
    }

    private static void swallow(MouseEvent e) {
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            swallowedPress = guarding && clock.getAsLong() - guardUntil < 0
                    && Math.abs(e.getScreenX() - guardX) <= GESTURE_DISTANCE && Math.abs(e.getScreenY() - guardY) <= GESTURE_DISTANCE;
            guarding = swallowedPress;
            if (swallowedPress) {
                e.consume();
            }
        } else if (swallowedPress && (e.getEventType() == MouseEvent.MOUSE_RELEASED
                || e.getEventType() == MouseEvent.MOUSE_CLICKED || e.getEventType() == MouseEvent.MOUSE_DRAGGED
                || e.getEventType() == MouseEvent.DRAG_DETECTED)) {
            if (e.getEventType() == MouseEvent.MOUSE_CLICKED) {
                swallowedPress = false;
            }
            e.consume();
        }
    }

    /** A dialog (a stage with an owner) closed: if a click just closed it, the rest of that gesture goes nowhere. */
    private static void closed(Window w) {
        if (!(w instanceof Stage stage) || stage.getOwner() == null) {
            return;
        }
        Object last = w.getProperties().get(LAST_RELEASE);
        long now = clock.getAsLong();
        if (last instanceof Release r && now - r.nanos() < GESTURE_NANOS) {
            watch(stage.getOwner());
            guardUntil = r.nanos() + GESTURE_NANOS;
            guardX = r.x();
            guardY = r.y();
            guarding = true;
        }
    }

    /** The last mouse release in a window: when and where on the screen. */
    private record Release(long nanos, double x, double y) {
    }
}
