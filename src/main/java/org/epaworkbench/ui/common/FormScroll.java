package org.epaworkbench.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * A dialog's form in a place of its own that scrolls, so the dialog's buttons (outside it, in the dialog's button
 * bar) stay in sight whatever the form shows. A dialog opens at its content's size; when messages appear beside
 * the fields the form asks for more room, and where the window may not grow (openbox does not let a shown dialog
 * grow, and no dialog grows past the screen) the form scrolls instead of pushing the buttons off the bottom.
 */
public final class FormScroll {

    private FormScroll() {
    }

    /**
     * {@code form} in a scrolling place with {@code id}, as wide as the form would like, never scrolled sideways. It
     * opens as tall as the form and {@code reserve} more (room for a few lines of messages); from the moment its
     * window shows it keeps that height, so the dialog never asks to grow: openbox refuses a shown dialog more
     * height while JavaFX believes it has it, and lays the buttons out beneath the window's real bottom.
     */
    public static ScrollPane of(String id, Region form, double reserve) {
        Kept scroll = new Kept(form, reserve);
        scroll.setId(id);
        scroll.getStyleClass().addAll("edge-to-edge", "form-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        // no smaller than it wishes (a window manager asked for a smaller minimum opened the dialog at it, openbox), and it
        // wishes no more than fits the screen with the dialog's heading and buttons
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        form.setMinHeight(Region.USE_PREF_SIZE);
        javafx.beans.value.ChangeListener<Boolean> shown = (o, was, showing) -> {
            if (showing) {
                scroll.keep();
            }
        };
        scroll.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, w0, window) -> {
                    if (window != null) {
                        window.showingProperty().addListener(shown);
                    }
                });
                if (scene.getWindow() != null) {
                    scene.getWindow().showingProperty().addListener(shown);
                }
            }
        });
        return scroll;
    }

    /** The scrolling place: the form's height (and the reserve) until its window shows, that height after. */
    private static final class Kept extends ScrollPane {
        /** A dialog's heading, button bar and window frame, about. */
        private static final double DIALOG_CHROME = 200;
        private final double reserve;
        private double kept = -1;

        Kept(Node form, double reserve) {
            super(form);
            this.reserve = reserve;
        }

        void keep() {
            if (kept < 0) {
                applyCss();
                kept = Math.ceil(prefHeight(-1));
                requestLayout();
            }
        }

        @Override
        protected double computePrefHeight(double width) {
            if (kept >= 0) {
                return kept;
            }
            return Math.min(super.computePrefHeight(width) + reserve, mostHeight());
        }

        /** The most the form may take: the screen's usable height less the dialog's heading, buttons and frame. */
        private double mostHeight() {
            javafx.stage.Window w = getScene() == null ? null : getScene().getWindow();
            javafx.stage.Window owner = w instanceof javafx.stage.Stage s && s.getOwner() != null ? s.getOwner() : w;
            javafx.geometry.Rectangle2D area = owner == null ? javafx.stage.Screen.getPrimary().getVisualBounds()
                    : DialogPlacement.area(owner);
            return Math.max(120, Math.floor(area.getHeight() * DialogPlacement.MAX_SHARE_HEIGHT) - DIALOG_CHROME);
        }
    }

    /** Scrolls so {@code node} (a message just shown) is in sight, once the form has been laid out. */
    public static void reveal(ScrollPane scroll, Node node) {
        Platform.runLater(() -> {
            Node content = scroll.getContent();
            if (content == null || node.getScene() == null) {
                return;
            }
            content.applyCss();
            scroll.layout();
            double contentH = content.getBoundsInLocal().getHeight();
            double viewH = scroll.getViewportBounds().getHeight();
            if (contentH <= viewH) {
                return;
            }
            javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double top = scroll.getVvalue() * (contentH - viewH);
            double want = top;
            if (b.getMaxY() > top + viewH) {
                want = b.getMaxY() - viewH;
            }
            if (b.getMinY() < want) {
                want = b.getMinY();
            }
            scroll.setVvalue(Math.max(0, Math.min(1, want / (contentH - viewH))));
        });
    }
}
