package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AskedQuestion;
import org.epaworkbench.session.CriterionNote;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.GradePreview;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.Pause;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.app.Sessions;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.store.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code session list | show | events}: recorded sessions, read headless. */
@Command(name = "session", description = "List sessions, show one, print its event log, or check every log's hash chain.",
        subcommands = {SessionCommand.ListSessions.class, SessionCommand.ExportRecording.class, SessionCommand.ShowSession.class, SessionCommand.Events.class,
                SessionCommand.VerifyLogs.class, SessionCommand.Enter.class})
final class SessionCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    static SessionSummary summaryOrFail(CliContext ctx, String id) throws StorageException, BadInputException {
        try {
            return ctx.sessions().summary(id).orElseThrow(() -> new BadInputException("unknown session '" + id
                    + "'; list sessions with: session list"));
        } catch (SQLException e) {
            throw new StorageException("Cannot read sessions: " + e.getMessage(), e);
        }
    }

    @Command(name = "list", description = "List sessions, newest first.")
    static final class ListSessions implements Callable<Integer> {
        @ParentCommand
        SessionCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<SessionSummary> all = parent.root.context().sessions().list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.array(out, all, SessionJson::summary);
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                out.println("No sessions yet. Try the sample data: demo");
                return ExitCodes.OK;
            }
            TextTable t = new TextTable("ID", "APPRENTICE", "PLAN", "COMPONENT", "ATTEMPT", "STATUS", "STARTED", "ELAPSED");
            for (SessionSummary s : all) {
                t.row(s.id(), s.apprenticeName(), s.planId(), s.componentId(), s.attempt().word(),
                        s.status().label(), s.startedAt() == null ? "-" : s.startedAt().toString(),
                        ElapsedText.format(s.elapsed()));
            }
            out.print(t.render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show a session: state, timings, questioning, judgements and grade preview.")
    static final class ShowSession implements Callable<Integer> {
        @ParentCommand
        SessionCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The session id (see: session list).")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            SessionSummary summary = summaryOrFail(ctx, id);
            var store = ctx.sessions();
            SessionState state = store.state(id).orElseThrow();
            Apprentice apprentice = ctx.apprentices().apprentice(summary.apprenticeId()).orElseThrow();
            AssessmentPlan plan = ctx.plan(summary.planId());
            Instant now = ctx.clock().instant();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonFiles.pretty(SessionJson.show(state, summary, apprentice, plan, now, ctx.sessionSettings())));
            } else {
                out.print(text(state, summary, apprentice, plan, now));
            }
            return ExitCodes.OK;
        }

        private static String text(SessionState s, SessionSummary summary, Apprentice a, AssessmentPlan plan, Instant now) {
            String nl = System.lineSeparator();
            Component c = plan.component(s.details().componentId()).orElseThrow();
            Duration elapsed = SessionJson.elapsed(s, now);
            StringBuilder b = new StringBuilder();
            b.append("Session ").append(s.sessionId()).append(summary.sample() ? "  [SAMPLE DATA]" : "").append(nl);
            b.append("Apprentice: ").append(a.name()).append(" (ULN ").append(a.uln()).append("), ").append(a.employer()).append(nl);
            b.append("Plan:       ").append(plan.id()).append(" — ").append(c.title()).append(" (").append(s.details().attempt().word())
                    .append(")").append(nl);
            b.append("Held:       ").append(s.details().mode().label()).append(s.details().location().isEmpty() ? ""
                    : ", " + s.details().location()).append("; ID seen: ")
                    .append(s.details().idDocumentSeen().isEmpty() ? "not recorded" : s.details().idDocumentSeen()).append(nl);
            b.append("Status:     ").append(s.status().label()).append(nl);
            s.enteredFromPaper().ifPresent(p -> b.append("Recorded:   ENTERED FROM PAPER on ").append(p.enteredAt()).append(" — ")
                    .append(p.reason()).append(nl));
            for (var r : plan.remindersFor(c.id(), s.details().attempt())) {
                b.append("Plan rule:  ").append(r.title()).append(" — ").append(r.text()).append(" (").append(r.source().shortForm())
                        .append(")").append(nl);
            }
            b.append("Elapsed:    ").append(ElapsedText.format(elapsed)).append(" of ").append(c.timing().describe());
            s.ending().ifPresent(e -> b.append(" — ended ").append(e.durationState().label().toLowerCase())
                    .append(e.reason() == null ? "" : ": " + e.reason()));
            b.append(nl);
            for (Pause p : s.pauses()) {
                b.append("Pause:      ").append(p.reason()).append(" (").append(p.from()).append(" to ")
                        .append(p.until() == null ? "now" : p.until()).append(")").append(nl);
            }
            if (c.questioning() != null) {
                Duration limit = c.questioning().limitFor(c.timing());
                b.append("Questioning: ").append(ElapsedText.format(s.questioningUsedAt(elapsed))).append(" of ")
                        .append(ElapsedText.format(limit)).append(nl);
            }
            for (AskedQuestion q : s.questions()) {
                b.append(String.format("Q%-2d %6s  %s", q.number(), ElapsedText.format(q.timeSpent(elapsed)), q.text())).append(nl);
                q.followUps().forEach(f -> b.append("            follow-up: ").append(f).append(nl));
            }
            b.append(nl).append("Criteria:").append(nl);
            for (Criterion cr : c.criteria()) {
                Judgement j = s.judgements().get(cr.id());
                b.append(String.format("  %-6s %-11s %-11s %s", cr.code(), cr.level().word(),
                        j == null ? "-" : j.state().word(), j == null ? "" : "at " + ElapsedText.format(j.sessionTime())
                                + (j.amended() ? " (amended)" : ""))).append(nl);
                for (CriterionNote n : s.notesOn(cr.id())) {
                    b.append("         note ").append(ElapsedText.format(n.sessionTime())).append(": ").append(n.text()).append(nl);
                }
                s.evidenceFor(cr.id()).forEach(e -> b.append("         evidence: ").append(e.reference()).append(nl));
            }
            s.notes().stream().filter(n -> n.criterionId() == null).forEach(n ->
                    b.append("Session note ").append(ElapsedText.format(n.sessionTime())).append(": ").append(n.text()).append(nl));
            s.amendments().forEach(am -> b.append("Amendment: ").append(am.reason()).append(" — ")
                    .append(am.correction().describe()).append(nl));
            s.ignoredAfterEnd().forEach(i -> b.append("Ignored: event ").append(i.seq()).append(" (").append(i.type())
                    .append(") comes after the end; an ended session changes only by amendments").append(nl));
            for (String unknown : GradePreview.unknownCriteria(c, s)) {
                b.append("Problem: ").append(unknown).append(" is not a criterion of the ").append(c.title().toLowerCase())
                        .append("; its judgement, notes and evidence do not count").append(nl);
            }
            ComponentResult r = GradePreview.of(plan, c, s);
            b.append(nl).append("Grade preview: ").append(r.grade().name()).append(nl);
            r.explanation().forEach(e -> b.append("  - ").append(e).append(nl));
            return b.toString();
        }
    }

    @Command(name = "recording", description = "Copy a session's recording out of the data folder (checked against the "
            + "SHA-256 its log records).")
    static final class ExportRecording implements Callable<Integer> {
        @ParentCommand
        SessionCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "SESSION_ID", description = "The session id.")
        String id;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to copy the recording to.")
        java.nio.file.Path out;
        @Option(names = "--file", paramLabel = "NAME", description = "Which recording, by its file name (when the session "
                + "has more than one).")
        String fileName;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            summaryOrFail(ctx, id);
            try {
                var c = org.epaworkbench.app.RecordingCopies.export(ctx.services(), id, fileName, out);
                spec.commandLine().getOut().println("Copied recording " + c.fileName() + " of session " + id + " to "
                        + c.to() + " (" + c.sizeBytes() + " bytes, SHA-256 " + c.sha256() + ").");
                return ExitCodes.OK;
            } catch (org.epaworkbench.app.RecordingCopies.NotCopied e) {
                throw new BadInputException(e.getMessage());
            }
        }
    }

    @Command(name = "events", description = "Print a session's event log (the audit trail), in order.")
    static final class Events implements Callable<Integer> {
        @ParentCommand
        SessionCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The session id.")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            summaryOrFail(ctx, id);
            List<SessionEvent> events = ctx.sessions().events(id);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.array(out, events, SessionJson::event);
                return ExitCodes.OK;
            }
            TextTable t = new TextTable("SEQ", "SESSION TIME", "RECORDED AT", "EVENT");
            for (SessionEvent e : events) {
                t.row(String.valueOf(e.seq()), ElapsedText.format(e.sessionTime()), e.at().toString(), e.body().describe());
            }
            out.print(t.render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", description = "Check every session's log against its hash chain: was anything changed "
            + "outside the app? Exit code 3 if so.")
    static final class VerifyLogs implements Callable<Integer> {
        @ParentCommand
        SessionCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<Sessions.LogCheck> checks = parent.root.context().sessions().checkLogs();
            PrintWriter out = spec.commandLine().getOut();
            boolean changed = checks.stream().anyMatch(c -> !c.intact());
            if (json) {
                var a = JsonFiles.mapper().createArrayNode();
                for (Sessions.LogCheck c : checks) {
                    var n = a.addObject().put("sessionId", c.sessionId()).put("intact", c.intact());
                    if (c.intact()) {
                        n.put("events", c.events()).put("chainHead", c.headHash()).put("ownerKey", c.ownerKey());
                    } else {
                        n.put("firstChangedEvent", c.changed().seq()).put("problem", c.changed().finding());
                    }
                }
                out.println(JsonFiles.pretty(a));
            } else if (checks.isEmpty()) {
                out.println("No sessions yet.");
            } else {
                TextTable t = new TextTable("SESSION", "LOG");
                for (Sessions.LogCheck c : checks) {
                    t.row(c.sessionId(), c.intact() ? "intact: " + c.events() + " events, chain head " + c.headHash()
                            + (c.ownerKey() == null ? " (not yet bound to a key)" : "")
                            : "CHANGED: " + c.changed().finding());
                }
                out.print(t.render());
                if (changed) {
                    out.println("A changed log is not shown or sent. Restore a backup made before the change "
                            + "(backups list), or ask the organisation for its copy of the session.");
                }
            }
            return changed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        }
    }

    /** {@code session enter --from FILE.json}: a session recorded on paper, entered afterwards through the same rules. */
    @Command(name = "enter", description = {"Enter a session recorded on paper (when the laptop could not be used): the file gives",
            "the component, the times of the start, pauses, questioning and end, the judgements and notes with their times,",
            "and why it was recorded on paper (see docs/cli-json.md). It is checked by the same rules as a session recorded",
            "on screen, stored only if it passes, and marked \"entered from paper\" wherever it appears."})
    static final class Enter implements Callable<Integer>, WritesData {
        static final long MAX_INPUT_BYTES = 4L * 1024 * 1024;

        @ParentCommand
        SessionCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--from", required = true, paramLabel = "FILE.json", description = "The paper session, as JSON.")
        java.nio.file.Path from;
        @Option(names = "--json", description = "Print the new session as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            String text = read(from);
            PaperSessionJson.Read read = new PaperSessionJson(from.toString()).read(text, new PaperSessionJson.Lookup() {
                @Override
                public Apprentice apprentice(String idOrUln) throws BadInputException {
                    try {
                        var people = ctx.apprentices();
                        java.util.Optional<Apprentice> a = people.apprentice(idOrUln);
                        if (a.isEmpty()) {
                            a = people.all().stream().filter(x -> x.uln().value().equals(idOrUln.strip())).findFirst();
                        }
                        return a.orElseThrow(() -> new BadInputException(from + ": $.apprentice: no apprentice with id or ULN \""
                                + idOrUln + "\"; list them with: apprentice list"));
                    } catch (SQLException | StorageException e) {
                        throw new BadInputException("cannot read the apprentices: " + e.getMessage());
                    }
                }

                @Override
                public AssessmentPlan plan(String planId) throws BadInputException {
                    try {
                        return ctx.plan(planId);
                    } catch (StorageException e) {
                        throw new BadInputException("cannot read the plans: " + e.getMessage());
                    }
                }
            });
            String ownerKey;
            try {
                ownerKey = ctx.identity().ownerKey().orElse(null);
            } catch (org.epaworkbench.keys.KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            }
            String id;
            try {
                id = ctx.sessions().enterFromPaper(read.plan(), read.record(), ctx.sessionSettings(), ownerKey);
            } catch (org.epaworkbench.session.PaperEntry.Problem p) {
                throw new BadInputException(from + ": " + p.where() + ": " + p.getMessage() + " Nothing was entered.");
            }
            SessionState state = ctx.sessions().state(id).orElseThrow();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                var n = JsonFiles.mapper().createObjectNode();
                n.put("id", id).put("status", state.status().name().toLowerCase()).put("enteredFromPaper", true)
                        .put("events", state.lastSeq());
                out.println(JsonFiles.pretty(n));
            } else {
                Component c = read.plan().component(state.details().componentId()).orElseThrow();
                out.println("Entered session " + id + " from paper: " + c.title() + " (" + state.details().attempt().word() + "), "
                        + ElapsedText.format(state.elapsedAtLastEvent()) + ", ended "
                        + state.ending().map(e -> e.durationState().label().toLowerCase()).orElse("") + ".");
                out.println("Sign its record with: report --session " + id + " --out FILE.pdf");
            }
            return ExitCodes.OK;
        }

        private static String read(java.nio.file.Path file) throws BadInputException {
            try {
                if (java.nio.file.Files.isDirectory(file)) {
                    throw new BadInputException(file + ": is a folder; expected a JSON file of the paper session");
                }
                if (java.nio.file.Files.size(file) > MAX_INPUT_BYTES) {
                    throw new BadInputException(file + ": is larger than " + MAX_INPUT_BYTES + " bytes");
                }
                return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(file + ": no such file");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new BadInputException(file + ": is not UTF-8 text");
            } catch (java.io.IOException e) {
                throw new BadInputException(file + ": cannot be read: " + e.getMessage());
            }
        }
    }
}
