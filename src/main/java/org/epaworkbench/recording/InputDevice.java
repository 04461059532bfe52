package org.epaworkbench.recording;

import javax.sound.sampled.Mixer;

/** A sound input the assessor can choose, as Java Sound lists it. */
public final class InputDevice {
    private final String name;
    private final String description;
    final Mixer.Info mixer;

    InputDevice(Mixer.Info mixer) {
        this.mixer = mixer;
        this.name = mixer.getName();
        this.description = mixer.getDescription();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name;
    }
}
