package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duration of a call's recording read from its file (issue 16): Ogg/Opus, WAV and AIFF, MP4/M4A/MOV by their movie
 * header, whatever the order of their boxes; nothing for other formats or a damaged header (the assessor types it).
 */
class MediaDurationTest {

    @TempDir
    Path dir;

    @Test
    void anOggOpusRecordingSaysItsLength() throws IOException {
        Path f = Recordings.write(dir.resolve("call.opus"), SpeechLikeAudio.speech(3.5, 16_000, 4), RecordingFormat.SPEECH);
        assertThat(MediaDuration.of(f)).hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(3480L, 3520L));
    }

    @Test
    void wavAndAiffFilesSayTheirLengthInTheirHeader() throws IOException {
        short[] pcm = SpeechLikeAudio.speech(2.25, 16_000, 1);
        byte[] bytes = new byte[pcm.length * 2];
        ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(pcm);
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        for (AudioFileFormat.Type type : new AudioFileFormat.Type[] {AudioFileFormat.Type.WAVE, AudioFileFormat.Type.AIFF}) {
            Path f = dir.resolve("call." + type.getExtension());
            AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(bytes), format, pcm.length), type, f.toFile());
            assertThat(MediaDuration.of(f)).as(type.toString()).contains(Duration.ofMillis(2250));
        }
    }

    @Test
    void anMp4SaysItsLengthInItsMovieHeaderAfterALargeMediaBox() throws IOException {
        // ftyp, then 3 MB of media, then moov with mvhd version 0: 600 units a second, 35 220 units = 58.7 s
        byte[] media = new byte[3_000_000];
        Path f = Files.write(dir.resolve("Teams meeting.mp4"), concat(box("ftyp", ascii("isom\0\0\2\0isomiso2mp41")),
                box("mdat", media), box("moov", concat(mvhd0(600, 35_220), box("trak", new byte[40])))));
        assertThat(MediaDuration.of(f)).contains(Duration.ofMillis(58_700));
    }

    @Test
    void aMovWithTheMovieHeaderFirstAndA64BitDurationIsRead() throws IOException {
        // moov first (a "fast start" file), mvhd version 1: 90 000 units a second, 1 h 2 min 5 s
        long units = 90_000L * 3725;
        Path f = Files.write(dir.resolve("call.mov"), concat(box("ftyp", ascii("qt  \0\0\0\0qt  ")),
                box("moov", mvhd1(90_000, units)), box("mdat", new byte[100])));
        assertThat(MediaDuration.of(f)).contains(Duration.ofSeconds(3725));
    }

    @Test
    void aMediaBoxWithA64BitSizeIsSteppedOver() throws IOException {
        byte[] media = new byte[5000];
        ByteBuffer large = ByteBuffer.allocate(16 + media.length);
        large.putInt(1).put(ascii("mdat")).putLong(16 + media.length).put(media);
        Path f = Files.write(dir.resolve("call.m4a"), concat(box("ftyp", ascii("M4A \0\0\0\0")), large.array(),
                box("moov", mvhd0(44_100, 44_100 * 90))));
        assertThat(MediaDuration.of(f)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDamagedOrUnknownHeaderGivesNothingToTypeInstead() throws IOException {
        // a box larger than the file (a copy cut short before the movie header)
        ByteBuffer cut = ByteBuffer.allocate(8 + 100);
        cut.putInt(1_000_000).put(ascii("mdat"));
        Path truncated = Files.write(dir.resolve("cut.mp4"), concat(box("ftyp", ascii("isom\0\0\0\0")), cut.array()));
        assertThat(MediaDuration.of(truncated)).isEmpty();
        // the duration "unknown" (all ones), and a zero time scale
        assertThat(MediaDuration.of(Files.write(dir.resolve("unknown.mp4"), concat(box("ftyp", ascii("isom\0\0\0\0")),
                box("moov", mvhd0(600, 0xffffffffL)))))).isEmpty();
        assertThat(MediaDuration.of(Files.write(dir.resolve("zero.mp4"), concat(box("ftyp", ascii("isom\0\0\0\0")),
                box("moov", mvhd0(0, 1000)))))).isEmpty();
        // a box claiming less than its own header
        ByteBuffer tiny = ByteBuffer.allocate(16);
        tiny.putInt(4).put(ascii("moov")).putInt(0).putInt(0);
        assertThat(MediaDuration.of(Files.write(dir.resolve("tiny.mp4"), concat(box("ftyp", ascii("isom\0\0\0\0")),
                tiny.array())))).isEmpty();
        // formats not read here: WebM, an empty file, text
        assertThat(MediaDuration.of(Files.write(dir.resolve("call.webm"), new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3,
                0, 0, 0, 0, 0, 0, 0, 0, 0}))).isEmpty();
        assertThat(MediaDuration.of(Files.write(dir.resolve("empty.mp4"), new byte[0]))).isEmpty();
        assertThat(MediaDuration.of(Files.writeString(dir.resolve("notes.txt"), "not a recording at all"))).isEmpty();
        // Ogg that is not Opus
        assertThat(MediaDuration.of(Files.write(dir.resolve("vorbis.ogg"), concat(ascii("OggS"), new byte[60])))).isEmpty();
        assertThat(MediaDuration.of(dir.resolve("not there.mp4"))).isEmpty();
    }

    private static byte[] mvhd0(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.put((byte) 0).put(new byte[3]).putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
        return box("mvhd", b.array());
    }

    private static byte[] mvhd1(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(112);
        b.put((byte) 1).put(new byte[3]).putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
        return box("mvhd", b.array());
    }

    private static byte[] box(String type, byte[] content) {
        ByteBuffer b = ByteBuffer.allocate(8 + content.length);
        b.putInt(8 + content.length).put(ascii(type)).put(content);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
