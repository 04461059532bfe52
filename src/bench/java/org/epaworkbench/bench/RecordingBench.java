package org.epaworkbench.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.app.SessionRecording;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.recording.OpusRecordingReader;
import org.epaworkbench.recording.RecordingFormat;
import org.epaworkbench.recording.SpeechLikeAudio;
import org.epaworkbench.ui.StartupProbe;

/**
 * The recording figures of issue 16, each against a baseline measured in the same run:
 * <ul>
 * <li>encoding CPU per second of audio ({@link RecordingCpuProbe}, a fresh JVM): the writer's thread CPU time against
 * the same samples written raw the same way; also the first minute cold, and the whole recorder paced in real time;</li>
 * <li>the FX thread while the session screen ticks and records ({@link FxStallProbe} in its {@code recording} run, the
 * demonstration microphone as the sound): the longest pulse gap, against the same screen idle, with ticking without
 * recording beside it;</li>
 * <li>{@code kill -9} while recording, {@value #KILLS} times ({@link RecordingKillProbe}): the app's own recording path
 * killed at a random moment 3 to 6 s into the recording, then the app opened on the data folder (its start repairs the
 * recording), and the audio lost: what the child had captured by its last report minus what the repaired file decodes
 * to. Baseline: the same child and measure with the recording stopped cleanly (the Stop button's path), which loses
 * nothing, so the measure itself adds nothing.</li>
 * </ul>
 */
final class RecordingBench {

    static final int KILLS = 20;
    /** Clean stops, the baseline: the first run, one in the middle and the last. */
    static final int CLEAN = 3;
    static final int PACED_SECONDS = 20;

    private RecordingBench() {
    }

    /** PAL's professional discussion: its plan requires a recording face to face. */
    static Fixtures.PlanComponent recordedComponent() {
        for (AssessmentPlan p : PlanLibrary.builtInPlans(new PlanPackReader())) {
            if (p.id().equals("pal-css-l3")) {
                return new Fixtures.PlanComponent(p, p.components().stream()
                        .filter(c -> c.id().equals("professional-discussion")).findFirst().orElseThrow());
            }
        }
        throw new IllegalStateException("no built-in plan pal-css-l3");
    }

    static List<Figure> run() throws Exception {
        // -Dbench.recording.parts=fx (or cpu, kill, any of them) measures only those
        List<String> parts = List.of(System.getProperty("bench.recording.parts", "cpu,fx,kill").split(","));
        Map<String, BenchMain.Group> all = new java.util.LinkedHashMap<>();
        all.put("cpu", RecordingBench::cpu);
        all.put("fx", RecordingBench::fx);
        all.put("kill", RecordingBench::kills);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, BenchMain.Group> part : all.entrySet()) {
            if (!parts.contains(part.getKey())) {
                continue;
            }
            for (Figure f : part.getValue().run()) {
                System.out.println("  " + f.name() + ": " + Report.number(f.value()) + " " + f.unit() + " (baseline "
                        + (f.baseline() == null ? "—" : Report.number(f.baseline())) + ")");
                figures.add(f);
            }
        }
        return figures;
    }

    // ---- encoding CPU ----

    static List<Figure> cpu() throws Exception {
        Path folder = Fixtures.freshFolder("recording-cpu");
        ChildJvm.Result r = ChildJvm.run(List.of(), RecordingCpuProbe.class.getName(),
                List.of(folder.toString(), String.valueOf(PACED_SECONDS)), folder.resolve("probe.log"), 600);
        double encode = share(r, "cpu-encode");
        double raw = share(r, "cpu-raw");
        double cold = share(r, "cpu-encode-cold");
        double paced = share(r, "cpu-recorder-paced");
        String baseline = "the same samples in the same 20 ms chunks written raw (16-bit PCM), forced every second, same measure";
        return List.of(
                Figure.of("recording", "encoding CPU per second of audio (Opus writer, warm; % of one core)", encode, "%")
                        .against(baseline, raw).atMost(5).detail("audioSeconds", seconds(r, "cpu-encode"))
                        .detail("cpuSeconds", nanos(r, "cpu-encode") / 1e9).detail("realTimeFactor", 100 / encode),
                Figure.of("recording", "encoding CPU per second of audio, the first minute in a fresh JVM", cold, "%")
                        .against(baseline, raw),
                Figure.of("recording", "whole recorder in real time (capture, level, writer threads; "
                        + PACED_SECONDS + " s, warm)", paced, "%").against(baseline, raw).atMost(5)
                        .detail("audioSeconds", seconds(r, "cpu-recorder-paced")));
    }

    private static long nanos(ChildJvm.Result r, String marker) {
        r.seconds(marker); // throws, naming the output and the log, when it never came
        return Long.parseLong(r.payloads().get(marker).split(" ")[0]);
    }

    private static double seconds(ChildJvm.Result r, String marker) {
        r.seconds(marker);
        return Long.parseLong(r.payloads().get(marker).split(" ")[1]) / 1000.0;
    }

    /** CPU time as a share of the audio's duration, in % of one core. */
    private static double share(ChildJvm.Result r, String marker) {
        return nanos(r, marker) / 1e9 / seconds(r, marker) * 100;
    }

    // ---- the FX thread while recording ----

    static List<Figure> fx() throws Exception {
        Path data = Fixtures.freshFolder("recording-fx-data");
        Fixtures.PlanComponent pc = Fixtures.largestComponent();
        try (Workbench wb = Fixtures.open(data)) {
            Fixtures.assessor(wb);
            Fixtures.apprentice(wb, 0, pc.plan().id());
        }
        Path logs = Fixtures.freshFolder("recording-fx-logs");
        Path wav = speechWav(logs);
        ChildJvm.Result r = ChildJvm.run(withDemoMicrophone(ChildJvm.HEADLESS, wav), FxStallProbe.class.getName(),
                List.of(data.toString(), "recording"), logs.resolve("probe.log"), 600);
        if (r.exitCode() != 0 || !r.payloads().containsKey("pulses-ticking-while-recording")) {
            throw new IllegalStateException("the FX probe exited with " + r.exitCode() + "; output " + r.output()
                    + "; stderr in " + r.log());
        }
        String[] recorded = r.payloads().get("recorded").split(" ");
        long duration = Long.parseLong(recorded[0]);
        long decodable = Long.parseLong(recorded[1]);
        if (duration < 5_000 || Math.abs(decodable - duration) > 100) {
            throw new IllegalStateException("the session was not recorded while ticking: " + duration + " ms in the log, "
                    + decodable + " ms decodable");
        }
        Map<String, String> p = r.payloads();
        String[] idle = p.get("pulses-idle").split(" ");
        double idleMax = Double.parseDouble(idle[0]);
        String against = "longest gap with the session screen idle, not recording";
        List<Figure> figures = new ArrayList<>();
        String[] both = p.get("pulses-ticking-while-recording").split(" ");
        figures.add(gap(Figure.of("recording", "longest FX pulse gap while ticking criteria and recording (" + pc.plan().id()
                + " " + pc.component().id() + ")", Double.parseDouble(both[0]), "ms").against(against, idleMax).atMost(50), both)
                .detail("recordedMs", duration).detail("decodableMs", decodable));
        // not recording: before the recording and after it, as many keys as while recording (A B B A)
        String[] before = p.get("pulses-ticking").split(" ");
        String[] after = p.get("pulses-ticking-again").split(" ");
        String[] ticking = Double.parseDouble(after[0]) > Double.parseDouble(before[0]) ? after : before;
        figures.add(gap(Figure.of("recording", "longest FX pulse gap while ticking criteria, not recording (before and after)",
                Double.parseDouble(ticking[0]), "ms").against(against, idleMax), ticking)
                .detail("beforeMaxGapMs", Double.parseDouble(before[0])).detail("afterMaxGapMs", Double.parseDouble(after[0]))
                .detail("beforeP99GapMs", Double.parseDouble(before[1])).detail("afterP99GapMs", Double.parseDouble(after[1])));
        String[] listening = p.get("pulses-recording").split(" ");
        figures.add(gap(Figure.of("recording", "longest FX pulse gap while recording, screen otherwise idle",
                Double.parseDouble(listening[0]), "ms").against(against, idleMax), listening));
        figures.add(Figure.of("recording", "most FX-thread CPU between two pulses while ticking and recording",
                Double.parseDouble(both[4]), "ms").against("the same while ticking, not recording",
                        Math.max(Double.parseDouble(before[4]), Double.parseDouble(after[4]))));
        return figures;
    }

    private static Figure gap(Figure f, String[] v) {
        return f.detail("p99GapMs", Double.parseDouble(v[1])).detail("gapsOver50ms", Long.parseLong(v[2]))
                .detail("gaps", Long.parseLong(v[3])).detail("maxFxCpuBetweenPulsesMs", Double.parseDouble(v[4]));
    }

    /** 30 s of the tests' generated speech as a WAV file, for the demonstration microphone to loop. */
    private static Path speechWav(Path folder) throws Exception {
        int rate = RecordingFormat.SPEECH.sampleRate();
        return SpeechLikeAudio.writeWav(SpeechLikeAudio.speech(30, rate, 16), rate, folder.resolve("speech.wav"));
    }

    private static List<String> withDemoMicrophone(List<String> flags, Path wav) {
        List<String> all = new ArrayList<>(flags);
        all.add("-D" + SessionRecording.DEMO_MICROPHONE + "=" + wav);
        return all;
    }

    // ---- kill -9 ----

    /** One run: how much audio the child had captured, how much the file decodes to after the app's start repaired it. */
    record Run(boolean killed, long targetMillis, long fedMillis, long decodedMillis, boolean plays, String outcome) {
        long lostMillis() {
            return fedMillis - decodedMillis;
        }
    }

    static List<Figure> kills() throws Exception {
        Path data = Fixtures.freshFolder("recording-kill-data");
        Path logs = Fixtures.freshFolder("recording-kill-logs");
        Path wav = speechWav(logs);
        long seed = Long.getLong("bench.recording.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        int total = KILLS + CLEAN;
        List<Run> killed = new ArrayList<>();
        List<Run> clean = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            boolean stopCleanly = n == 0 || n == total / 2 || n == total - 1;
            long target = 3000 + random.nextInt(3001);
            Run run = once(data, logs, wav, n, target, !stopCleanly);
            System.out.println("  run " + (n + 1) + " of " + total + ": " + (run.killed() ? "kill -9" : "stopped") + " at "
                    + run.fedMillis() + " ms captured, " + run.decodedMillis() + " ms decodable (" + run.outcome()
                    + (run.plays() ? ", plays" : ", DOES NOT PLAY") + "), lost " + run.lostMillis() + " ms");
            (run.killed() ? killed : clean).add(run);
        }
        double worst = killed.stream().mapToLong(Run::lostMillis).max().orElseThrow() / 1000.0;
        double median = median(killed) / 1000.0;
        double cleanWorst = clean.stream().mapToLong(Run::lostMillis).max().orElseThrow() / 1000.0;
        double cleanMedian = median(clean) / 1000.0;
        long notPlaying = killed.stream().filter(r -> !r.plays()).count();
        String base = "the same recording stopped cleanly (the Stop button's path), same measure, " + CLEAN + " runs";
        List<Long> lost = killed.stream().map(Run::lostMillis).toList();
        List<Long> at = killed.stream().map(Run::fedMillis).toList();
        return List.of(
                Figure.of("recording", "audio lost by kill -9 while recording, worst of " + KILLS, worst, "s")
                        .against(base, cleanWorst).atMost(2).detail("lostMs", lost).detail("killedAtMs", at)
                        .detail("seed", seed).detail("pageMs", RecordingFormat.SPEECH.pageMillis())
                        .detail("outcomes", killed.stream().map(Run::outcome).toList())
                        .detail("cleanLostMs", clean.stream().map(Run::lostMillis).toList()),
                Figure.of("recording", "audio lost by kill -9 while recording, median of " + KILLS, median, "s")
                        .against(base, cleanMedian).atMost(2),
                Figure.of("recording", "recordings that do not play after kill -9 and the app's repair (of " + KILLS + ")",
                        notPlaying, "files").against("the same, stopped cleanly", clean.stream().filter(r -> !r.plays()).count())
                        .atMost(0));
    }

    private static long median(List<Run> runs) {
        List<Long> v = runs.stream().map(Run::lostMillis).sorted().toList();
        return v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
    }

    private static Run once(Path data, Path logs, Path wav, int n, long targetMillis, boolean kill) throws Exception {
        ProcessBuilder pb = ChildJvm.builder(withDemoMicrophone(List.of(), wav), RecordingKillProbe.class.getName(),
                List.of(data.toString(), String.valueOf(n)), logs.resolve("run-" + (n + 1) + ".log"));
        Process p = pb.start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "recording-kill-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String sessionId = null;
        long fed = -1;
        long stoppedAt = -1;
        boolean acted = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            // after the kill, the lines the child wrote before it died are still read: the last is what it had captured
            for (String line; (line = out.readLine()) != null; ) {
                if (!line.startsWith(StartupProbe.MARKER)) {
                    continue;
                }
                String[] w = line.substring(StartupProbe.MARKER.length()).split(" ");
                switch (w[0]) {
                    case "session" -> sessionId = w[1];
                    case "at" -> fed = Math.max(fed, Long.parseLong(w[1]));
                    case "stopped" -> stoppedAt = Long.parseLong(w[1]);
                    default -> { }
                }
                if (!acted && fed >= targetMillis) {
                    acted = true;
                    if (kill) {
                        // SIGKILL: no shutdown hook, no close, no flush. Through the handle: Process.destroyForcibly
                        // would also close our end of its output, and the lines it wrote before dying are needed
                        p.toHandle().destroyForcibly();
                    } else {
                        in.write("stop\n");
                        in.flush();
                    }
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the recording child of run " + (n + 1) + " did not end; see " + logs);
        }
        if (sessionId == null || !acted || (!kill && stoppedAt < 0)) {
            throw new IllegalStateException("the recording child of run " + (n + 1) + " exited with " + p.exitValue()
                    + " before recording " + targetMillis + " ms (last position " + fed + "); see its log in " + logs);
        }
        long fedMillis = kill ? fed : stoppedAt;
        // the app opens on the data folder, as after a crash: its start repairs the recording and logs what was kept
        try (Workbench wb = Fixtures.open(data)) {
            String id = sessionId;
            String outcome = wb.recordingsRepairedOnOpen().repaired().stream().filter(r -> r.sessionId().equals(id))
                    .map(SessionRecording.Repaired::outcome).findFirst().orElse("not repaired");
            var recording = wb.sessions().state(id).orElseThrow().recordings().get(0);
            Path file = wb.sessionRecording().fileOf(id, recording.fileName());
            long samples = 0;
            boolean plays;
            try (OpusRecordingReader reader = OpusRecordingReader.open(file);
                    OpusRecordingReader.PcmStream pcm = reader.decodeFrom(0, 16_000)) {
                short[] buf = new short[4000];
                for (int r; (r = pcm.read(buf, 0, buf.length)) >= 0; ) {
                    samples += r;
                }
                plays = reader.endsCleanly() && samples > 0 && samples == reader.durationGranules() / 3;
            } catch (java.io.IOException | RuntimeException e) {
                plays = false;
                outcome += " (" + e.getMessage() + ")";
            }
            return new Run(kill, targetMillis, fedMillis, samples * 1000 / 16_000, plays, outcome);
        }
    }
}
