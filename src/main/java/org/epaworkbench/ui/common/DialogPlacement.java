package org.epaworkbench.ui.common;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every dialog of the app opens centred on the window it belongs to, at a size that shows all of its
 * content (never larger than the screen), and can be resized where it holds a list. Some window managers
 * (openbox, KDE) otherwise open a dialog at its minimum size or in the top-left corner, and a dialog
 * whose content grows (a message beside a field) would push its buttons out of sight: it grows with its
 * content instead, as far as the screen allows.
 *
 * <p>One rule for every dialog, whoever built it: it watches the app's windows (stages with an owner)
 * rather than each dialog. Installed when the app starts and by the main window.
 */
public final class DialogPlacement {

    private static final String WATCHED = DialogPlacement.class.getName() + ".watched";
    /** The share of the screen's usable area a dialog may take at most. */
    static final double MAX_SHARE_WIDTH = 0.96;
    static final double MAX_SHARE_HEIGHT = 0.94;
    private static boolean installed;

    private DialogPlacement() {
    }

    /** Starts watching the app's windows; once is enough, more is harmless. On the FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        // the windows open now were placed already (the main window, or a dialog open before the rule was installed)
        for (Window w : Window.getWindows()) {
            w.getProperties().put(WATCHED, Boolean.TRUE);
        }
        // a window joins this list as it is shown
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(DialogPlacement::shown);
            }
        });
    }

    private static void shown(Window w) {
        if (!(w instanceof Stage stage)) {
            return; // menus, tooltips and pop-ups place themselves
        }
        Window owner = ownerOf(stage);
        if (owner == null) {
            return; // the main window places itself
        }
        place(stage, owner);
        // a window manager may move or shrink a window once it is mapped: placed again after that
        Platform.runLater(() -> {
            if (stage.isShowing()) {
                place(stage, owner);
            }
        });
        if (!w.getProperties().containsKey(WATCHED)) {
            w.getProperties().put(WATCHED, Boolean.TRUE);
            followContent(stage);
        }
    }

    /** The window a dialog belongs to: its owner, or (a dialog opened without one) the app's main window. */
    static Window ownerOf(Stage stage) {
        if (stage.getOwner() != null) {
            return stage.getOwner();
        }
        return Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage s && s.getOwner() == null
                && w.isShowing()).findFirst().orElse(null);
    }

    /** The usable area of the screen the owner is on. */
    static Rectangle2D area(Window owner) {
        double cx = owner.getX() + owner.getWidth() / 2;
        double cy = owner.getY() + owner.getHeight() / 2;
        return Screen.getScreensForRectangle(cx, cy, 1, 1).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** Sizes the dialog to its content (within the screen) and centres it on {@code owner}. */
    public static void place(Stage stage, Window owner) {
        Scene scene = stage.getScene();
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        Rectangle2D area = area(owner);
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        // the window's frame and title, as far as the stage counts them, come on top of the scene (sizes are
        // not known yet, NaN, while the window is first being shown)
        double stageW = known(stage.getWidth());
        double stageH = known(stage.getHeight());
        double frameW = Math.max(0, stageW - known(scene.getWidth()));
        double frameH = Math.max(0, stageH - known(scene.getHeight()));
        double maxW = Math.floor(area.getWidth() * MAX_SHARE_WIDTH);
        double maxH = Math.floor(area.getHeight() * MAX_SHARE_HEIGHT);
        double w = Math.min(maxW, Math.max(stageW, Math.ceil(root.prefWidth(-1)) + frameW));
        double h = Math.min(maxH, Math.max(stageH, Math.ceil(root.prefHeight(Math.max(1, w - frameW))) + frameH));
        if (holdsAList(root)) {
            stage.setResizable(true);
            stage.setMinWidth(Math.min(w, Math.max(320, root.minWidth(-1) + frameW)));
            stage.setMinHeight(Math.min(h, Math.max(240, root.minHeight(-1) + frameH)));
        }
        stage.setWidth(w);
        stage.setHeight(h);
        double x = owner.getX() + (owner.getWidth() - w) / 2;
        double y = owner.getY() + (owner.getHeight() - h) / 2;
        stage.setX(Math.max(area.getMinX(), Math.min(x, area.getMaxX() - w)));
        stage.setY(Math.max(area.getMinY(), Math.min(y, area.getMaxY() - h)));
    }

    private static double known(double size) {
        return Double.isNaN(size) || size < 0 ? 0 : size;
    }

    /** After each layout: content that has grown beyond the window (a message appeared) makes the window taller. */
    private static void followContent(Stage stage) {
        Parent root = stage.getScene().getRoot();
        root.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs && stage.isShowing()) {
                Platform.runLater(() -> grow(stage));
            }
        });
    }

    static void grow(Stage stage) {
        Scene scene = stage.getScene();
        Window owner = ownerOf(stage);
        if (scene == null || owner == null || !stage.isShowing()) {
            return;
        }
        if (Double.isNaN(scene.getWidth()) || Double.isNaN(scene.getHeight()) || scene.getWidth() <= 0) {
            return;
        }
        double wanted = Math.ceil(scene.getRoot().prefHeight(scene.getWidth()));
        if (wanted <= scene.getHeight() + 0.5) {
            return;
        }
        Rectangle2D area = area(owner);
        double frameH = Math.max(0, stage.getHeight() - scene.getHeight());
        double h = Math.min(Math.floor(area.getHeight() * MAX_SHARE_HEIGHT), wanted + frameH);
        if (h <= stage.getHeight() + 0.5) {
            return;
        }
        // it grows about its middle, so a dialog centred on its owner stays centred (and on the screen); moved only
        // once it has grown (some window managers, openbox, refuse to make a fixed-size dialog taller)
        double before = stage.getHeight();
        double middle = stage.getY() + before / 2;
        stage.setHeight(h);
        if (stage.getHeight() > before + 0.5) {
            centreDown(stage, area, middle);
        } else {
            javafx.beans.value.ChangeListener<Number> grown = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number is) {
                    stage.heightProperty().removeListener(this);
                    if (is.doubleValue() > before + 0.5) {
                        centreDown(stage, area, middle);
                    }
                }
            };
            stage.heightProperty().addListener(grown);
        }
    }

    private static void centreDown(Stage stage, Rectangle2D area, double middle) {
        double h = stage.getHeight();
        stage.setY(Math.max(area.getMinY(), Math.min(middle - h / 2, area.getMaxY() - h)));
    }

    /** A dialog with a list or table in it is one a person may want larger. */
    static boolean holdsAList(Node root) {
        if (root instanceof ListView || root instanceof TableView || root instanceof TreeView) {
            return true;
        }
        if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (holdsAList(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
