/**
 * Audio recordings of a session: capture from a microphone ({@link org.epaworkbench.recording.AudioInput}),
 * Opus in Ogg written in self-contained pages forced to disk as it is captured
 * ({@link org.epaworkbench.recording.OpusRecordingWriter}), decoding for playback from any position
 * ({@link org.epaworkbench.recording.OpusRecordingReader}), repair of a file cut by a crash
 * ({@link org.epaworkbench.recording.RecordingRepair}), and the watches that warn the assessor: level, silence,
 * a lost device and disk space. An adapter: no JavaFX, no database. See docs/adr/0006-recording-format.md.
 */
package org.epaworkbench.recording;
