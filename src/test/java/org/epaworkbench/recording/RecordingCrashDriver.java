package org.epaworkbench.recording;

import java.nio.file.Path;

/**
 * A separate process for the kill test: records generated speech as fast as it can and prints "AT ms" after
 * each 500 ms of audio handed to the writer, until it is killed.
 */
public final class RecordingCrashDriver {
    private RecordingCrashDriver() {
    }

    public static void main(String[] args) throws Exception {
        short[] pcm = SpeechLikeAudio.speech(10, 16_000, Long.parseLong(args[1]));
        int chunk = 320;
        try (OpusRecordingWriter writer = OpusRecordingWriter.create(Path.of(args[0]), RecordingFormat.SPEECH,
                "crash")) {
            for (long i = 0; ; i++) {
                writer.write(pcm, (int) (i * chunk % (pcm.length - chunk)), chunk);
                if (i % 25 == 24) {
                    System.out.println("AT " + writer.positionMillis());
                    System.out.flush();
                }
            }
        }
    }
}
