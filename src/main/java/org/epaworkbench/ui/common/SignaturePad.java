package org.epaworkbench.ui.common;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** A box to draw a signature in with a mouse, pen or finger; gives it back as a transparent PNG. */
public final class SignaturePad extends VBox {

    private final Canvas canvas;
    private boolean drawn;

    public SignaturePad(double width, double height) {
        canvas = new Canvas(width, height);
        canvas.setId("signature-canvas");
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.rgb(20, 30, 80));
        g.setLineWidth(2.4);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        canvas.setOnMousePressed(e -> {
            g.beginPath();
            g.moveTo(e.getX(), e.getY());
            g.stroke();
        });
        canvas.setOnMouseDragged(e -> {
            g.lineTo(e.getX(), e.getY());
            g.stroke();
            drawn = true;
        });
        StackPane frame = new StackPane(canvas);
        frame.getStyleClass().add("signature-frame");
        frame.setMaxWidth(width + 4);
        Label hint = new Label("Sign in the box with a mouse, pen or finger");
        hint.getStyleClass().add("plan-subtitle");
        Button clear = new Button("Clear");
        clear.setId("signature-clear");
        clear.setOnAction(e -> clear());
        getChildren().addAll(frame, new HBox(10, hint, clear));
        setSpacing(6);
    }

    public void clear() {
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawn = false;
    }

    public boolean hasSignature() {
        return drawn;
    }

    /** The drawing as PNG with a transparent background, or null if nothing was drawn. */
    public byte[] png() {
        if (!drawn) {
            return null;
        }
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return Png.encode(canvas.snapshot(p, null));
    }
}
