package org.epaworkbench.record;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.DeclarationText;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.session.Amendment;
import org.epaworkbench.session.AskedQuestion;
import org.epaworkbench.session.CriterionNote;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.EvidenceReference;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.Pause;
import org.epaworkbench.session.SessionState;

/**
 * Lays out the records as XHTML with print CSS: A4 pages, the apprentice named in a header on every
 * page, "Page n of m" in the footer, tables that continue across pages with their headings
 * repeated. The PDF renderer embeds the fonts; all text stays selectable.
 */
public final class RecordHtml {

    /** Text under which the assessor's digital signature is placed. */
    public static final String SIGNATURE_ANCHOR = "Digital signature of the assessor";

    /** Words used where a plan's sources give no declaration for a role. */
    static final Map<String, String> STANDARD_DECLARATIONS = Map.of(
            "apprentice", "I confirm that the evidence I gave in this assessment is my own and that the assessment "
                    + "took place as recorded here.",
            "assessor", "I confirm that I carried out this assessment independently, under the conditions of the "
                    + "assessment plan, and that this record is accurate and complete.");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.UK);

    private RecordHtml() {
    }

    /** The declaration a role signs for this plan: the sources' words where they give them. */
    public static String declarationText(AssessmentPlan plan, String role) {
        return plan.declaration(role).map(DeclarationText::text).orElse(STANDARD_DECLARATIONS.get(role));
    }

    static String css() {
        return """
            @page { size: A4; margin: 24mm 15mm 18mm 15mm;
                @top-left { content: element(header); }
                @bottom-left { content: element(footer); width: 145mm; }
                @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans';
                    font-size: 8pt; color: #555; width: 35mm; text-align: right; } }
            html, body { font-family: 'DejaVu Sans'; }
            body { font-size: 9pt; color: #1a1a1a; line-height: 1.35; }
            #header { position: running(header); font-size: 8pt; color: #333; border-bottom: 0.6pt solid #999;
                padding-bottom: 2mm; width: 180mm; }
            #header b { font-size: 9pt; }
            #footer { position: running(footer); font-size: 7.5pt; color: #555; }
            h1 { font-size: 16pt; margin: 0 0 1mm 0; }
            h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; border-bottom: 0.8pt solid #2f5d9a; color: #1d3f6e;
                padding-bottom: 0.8mm; page-break-after: avoid; -fs-page-break-min-height: 45mm; }
            h3 { font-size: 9.5pt; margin: 3mm 0 1mm 0; page-break-after: avoid; }
            .subtitle { color: #444; margin-bottom: 3mm; }
            table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; margin-bottom: 2mm;
                table-layout: fixed; }
            thead { display: table-header-group; }
            th, td { border: 0.5pt solid #b9c0c8; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left;
                word-wrap: break-word; }
            thead th { background-color: #e8eef6; font-size: 8.5pt; }
            table.facts th { width: 42mm; background-color: #f3f5f8; font-weight: bold; }
            /* column widths (content, without the cells' padding) for table-layout: fixed: a long word cannot widen a column */
            th.code { width: 12mm; } th.level { width: 17mm; } th.state { width: 21mm; }
            th.num { width: 10mm; } th.time { width: 18mm; } th.when { width: 44mm; } th.reason { width: 55mm; }
            th.attempt { width: 14mm; } th.completed { width: 44mm; } th.count { width: 15mm; } th.distinctions { width: 19mm; }
            th.result { width: 21mm; }
            td.code { font-weight: bold; white-space: nowrap; }
            .code-name { white-space: nowrap; }
            td.state { font-weight: bold; }
            tr.theme td { background-color: #f3f5f8; font-weight: bold; color: #1d3f6e; }
            tr { page-break-inside: avoid; }
            tbody.theme-start { page-break-inside: avoid; }
            tbody.theme-start tr { page-break-inside: auto; }
            .keep-together { page-break-inside: avoid; }
            .met { color: #116329; } .not_met { color: #a40e26; } .not_arisen { color: #8a5a00; } .unjudged { color: #666; }
            .note { margin-top: 1mm; color: #222; } .time { color: #555; font-size: 8pt; }
            .missing { color: #666; font-style: italic; }
            .grade { font-size: 14pt; font-weight: bold; }
            .banner { border: 1pt solid #c48a00; background-color: #fff4d6; padding: 2mm 3mm; margin-bottom: 3mm;
                font-weight: bold; }
            .outside { color: #a40e26; font-weight: bold; }
            .declaration { page-break-inside: avoid; border: 0.5pt solid #b9c0c8; padding: 2mm 3mm; margin-bottom: 3mm; }
            .declaration img { height: 16mm; }
            .signature-space { page-break-inside: avoid; margin-top: 4mm; }
            .signature-box { height: 30mm; }
            .small { font-size: 8pt; color: #444; }
            .hash { font-size: 8pt; white-space: nowrap; }
            """;
    }

    private static Html page(String title, Apprentice a, String what, boolean sample) {
        Html h = new Html();
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><title>").text(title)
                .raw("</title><meta name=\"subject\" content=\"").text(what).raw("\"/><style>").raw(css())
                .raw("</style></head><body>");
        h.raw("<div id=\"header\"><b>").text(a.name()).raw("</b> · ULN ").text(a.uln().value()).raw(" · ").text(what)
                .raw(sample ? " · SAMPLE DATA" : "").raw("</div>");
        h.raw("<div id=\"footer\">").text("EPA Workbench record. Verify the digital signature before relying on this "
                + "document (epa-workbench verify FILE.pdf, or any PAdES-aware PDF reader).").raw("</div>");
        if (sample) {
            h.raw("<div class=\"banner\">").text("SAMPLE DATA: this record was made from the app's sample data for trying "
                    + "it out. It is not a real assessment.").raw("</div>");
        }
        return h;
    }

    // ---------------------------------------------------------------- session record

    public static String sessionRecord(SessionRecord r) {
        SessionState s = r.state();
        Component c = r.component();
        // a session recorded on paper says so on every page (the header) and, with the reason, at the top
        String what = c.title() + " (" + s.details().attempt().word() + " attempt)"
                + (s.enteredFromPaper().isPresent() ? " · entered from paper" : "");
        Html h = page("EPA record: " + c.title(), r.apprentice(), what, r.sample());
        h.el("h1", null, "End-point assessment record");
        h.el("div", "subtitle", c.title() + " — " + r.plan().title());
        s.enteredFromPaper().ifPresent(p -> h.raw("<div class=\"banner\">").text("ENTERED FROM PAPER: this session was "
                + "recorded on the paper form and entered on " + when(p.enteredAt(), r.zone()) + ". Reason: " + p.reason()
                + ". Its times are those written on the form.").raw("</div>"));

        h.el("h2", null, "Assessment");
        h.raw("<table class=\"facts\">");
        h.fact("Organisation", r.plan().organisation());
        h.fact("Standard", r.plan().standard() + ", level " + r.plan().level());
        h.fact("Plan", r.plan().id() + ", version " + s.details().planVersion());
        h.fact("Component", c.title() + " [" + c.id() + "]");
        h.fact("Attempt", s.details().attempt().word());
        h.fact("Apprentice", r.apprentice().name() + ", ULN " + r.apprentice().uln().value());
        h.fact("Employer", r.apprentice().employer());
        h.fact("Training provider", r.apprentice().trainingProvider());
        AssessorProfile as = r.assessor();
        h.fact("Assessor", as == null ? "not recorded" : as.name() + ", assessor number " + as.assessorNumber()
                + ", " + as.organisation());
        h.fact("Mode", s.details().mode().label());
        h.fact("Location", s.details().location());
        h.fact("ID check", s.details().idDocumentSeen().isEmpty() ? "not recorded" : "Seen: " + s.details().idDocumentSeen());
        h.fact("Recorded", s.enteredFromPaper().map(p -> "Entered from paper on " + when(p.enteredAt(), r.zone()) + " ("
                + p.reason() + ")").orElse("Live, on screen"));
        h.raw("</table>");

        timing(h, r);
        recordings(h, r);
        if (!s.questions().isEmpty() || c.questionCount() != null) {
            questions(h, r);
        }
        criteria(h, r);
        grade(h, r.grade(), c);
        amendments(h, r);
        notesOnSession(h, r);
        declarations(h, r);
        sessionLog(h, r.log());
        signatureSpace(h, r.producedAt(), r.zone());
        h.raw("</body></html>");
        return h.toString();
    }

    private static String when(Instant i, ZoneId zone) {
        return i == null ? "—" : DATE_TIME.format(i.atZone(zone));
    }

    private static void timing(Html h, SessionRecord r) {
        SessionState s = r.state();
        Component c = r.component();
        h.el("h2", null, "Timing");
        h.raw("<table class=\"facts\">");
        h.fact("Started", when(s.startedAt().orElse(null), r.zone()));
        h.fact("Ended", when(s.endedAt().orElse(null), r.zone()));
        Duration total = s.elapsedAtLastEvent();
        h.fact("Session time", ElapsedText.format(total) + " (pauses excluded)");
        h.fact("Duration window", c.timing().describe() + " — " + c.timing().source().shortForm());
        String inside = s.ending().map(e -> {
            DurationState ds = e.durationState();
            return (ds.outsideWindow() ? "Outside the window: " : "Inside the window: ") + ds.label().toLowerCase()
                    + (e.reason() == null ? "" : ". Reason given: " + e.reason());
        }).orElse("The session has not ended.");
        h.raw("<tr><th>Within the window?</th><td")
                .raw(s.ending().map(e -> e.durationState().outsideWindow()).orElse(false) ? " class=\"outside\"" : "")
                .raw(">").text(inside).raw("</td></tr>");
        if (c.questioning() != null) {
            Duration limit = c.questioning().limitFor(c.timing());
            Duration used = s.questioningUsedAt(total);
            h.raw("<tr><th>Questioning time</th><td").raw(used.compareTo(limit) > 0 ? " class=\"outside\"" : "").raw(">")
                    .text(ElapsedText.format(used) + " used of a limit of " + ElapsedText.format(limit) + " ("
                            + c.questioning().describe() + " — " + c.questioning().source().shortForm() + ")"
                            + (used.compareTo(limit) > 0 ? ": limit exceeded by " + ElapsedText.format(used.minus(limit)) : ""))
                    .raw("</td></tr>");
        }
        if (!s.gaps().isEmpty()) {
            for (EventBody.GapResolved g : s.gaps()) {
                h.fact("Interruption", g.describe());
            }
        }
        h.raw("</table>");
        if (!s.pauses().isEmpty()) {
            h.el("h3", null, "Pauses (not counted as session time)");
            h.raw("<table><thead><tr><th class=\"when\">From</th><th class=\"when\">Until</th><th class=\"time\">Length</th>"
                    + "<th>Reason</th></tr></thead><tbody>");
            for (Pause p : s.pauses()) {
                h.raw("<tr><td>").text(when(p.from(), r.zone())).raw("</td><td>").text(when(p.until(), r.zone()))
                        .raw("</td><td>").text(p.until() == null ? "—" : ElapsedText.format(Duration.between(p.from(), p.until())))
                        .raw("</td><td>").text(p.reason()).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
    }

    /**
     * The session's recordings as its log has them (issue 16, ADR 14): what the plan asks for the session's mode, the
     * apprentice's consent, an agreed exemption, and each recording's file name, format, duration, size and SHA-256, so
     * that the record's signature binds the audio. Where the plan requires a recording and there is neither a recording
     * nor an exemption, it says so plainly.
     */
    private static void recordings(Html h, SessionRecord r) {
        SessionState s = r.state();
        Component c = r.component();
        org.epaworkbench.plan.RecordingRule.ModeRule rule = s.recordingRule(c);
        boolean required = rule.required();
        if (s.recordings().isEmpty() && s.recordingConsent().isEmpty() && s.recordingExemption().isEmpty()
                && rule.requirement() == org.epaworkbench.plan.RecordingRule.Requirement.NOT_USED) {
            return;
        }
        h.el("h2", null, "Recordings");
        h.raw("<table class=\"facts\">");
        h.fact("The plan", rule.requirement().label() + " for a " + (s.remote() ? "remote" : "face-to-face") + " "
                + c.title().toLowerCase() + rule.citation().map(x -> " — " + x.shortForm()).orElse(""));
        h.fact("Consent", s.recordingConsent().map(x -> "Given by " + x.apprenticeName()
                + s.recordingConsentAt().map(at -> " on " + when(at, r.zone())).orElse("") + ": “" + x.statement() + "”")
                .orElse("Not recorded."));
        s.recordingExemption().ifPresent(x -> h.fact("Exemption", "No recording: exemption agreed — reason: "
                + x.reason().strip().replaceAll("[.]+$", "") + "."
                + s.recordingExemptionAt().map(at -> " Recorded " + when(at, r.zone()) + ".").orElse("")
                + c.recording().exemptionSource().map(src -> " Exemptions: " + src.shortForm() + ".").orElse("")));
        if (required && !s.recordingRequirementMet(c)) {
            h.raw("<tr><th>Requirement</th><td class=\"outside\">").text("Not met: the plan requires a recording of this "
                    + "session, and there is no recording and no agreed exemption.").raw("</td></tr>");
        } else if (s.recordings().isEmpty() && s.recordingExemption().isEmpty()) {
            h.fact("Recordings", "None.");
        }
        h.raw("</table>");
        int n = 0;
        for (org.epaworkbench.session.Recording rec : s.recordings()) {
            n++;
            h.raw("<div class=\"keep-together\"><h3>").text("Recording " + n + ": " + rec.fileName()).raw("</h3>");
            h.raw("<table class=\"facts\">");
            h.fact("Made", rec.kind() == org.epaworkbench.session.Recording.Kind.ATTACHED
                    ? "Attached to the session: a file made elsewhere (for a remote session, the video call's own)"
                    : "Captured by the app" + (rec.device() == null ? "" : " from " + rec.device()) + ", from "
                            + ElapsedText.format(rec.startedAt()) + " of session time (paused with the session)");
            h.fact("Format", rec.format());
            if (rec.open()) {
                h.raw("<tr><th>Status</th><td class=\"outside\">").text(rec.status().label() + ": the recording had not "
                        + "ended when this record was made, so its length, size and SHA-256 are not known here.")
                        .raw("</td></tr>");
            } else {
                h.fact("Duration", ElapsedText.format(Duration.ofMillis(rec.durationMillis())));
                h.fact("Size", size(rec.sizeBytes()));
                h.raw("<tr><th>SHA-256</th><td><span class=\"hash\">").text(ChainStamp.grouped(rec.sha256()))
                        .raw("</span></td></tr>");
                String status = rec.status().label();
                if (rec.repair() != null) {
                    EventBody.RecordingRepaired x = rec.repair();
                    status += ": " + x.description() + " (kept " + ElapsedText.format(Duration.ofMillis(x.keptMillis()))
                            + (x.lostMillis() >= 0 ? ", lost " + ElapsedText.format(Duration.ofMillis(x.lostMillis()))
                                    : ", what was lost is not known") + ")";
                }
                h.fact("Status", status);
            }
            h.raw("</table></div>");
        }
        if (n > 0) {
            h.el("div", "small", "The digital signature covers these SHA-256 hashes, so it binds each recording file: "
                    + "with the file beside this record, epa-workbench verify checks that it is the one recorded here.");
        }
    }

    /** A file's size in words: megabytes (or kilobytes) and the exact number of bytes. */
    static String size(long bytes) {
        java.text.NumberFormat exact = java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK);
        String approx = bytes >= 1_000_000 ? String.format(java.util.Locale.UK, "%.1f MB", bytes / 1_000_000.0)
                : String.format(java.util.Locale.UK, "%.0f kB", Math.ceil(bytes / 1000.0));
        return approx + " (" + exact.format(bytes) + " bytes)";
    }

    private static void questions(Html h, SessionRecord r) {
        SessionState s = r.state();
        Component c = r.component();
        h.el("h2", null, "Interview questions" + c.questions().map(q -> " (" + s.questions().size() + " of "
                + q.exactly() + ")").orElse(" (" + s.questions().size() + ")"));
        if (s.questions().isEmpty()) {
            h.el("p", "missing", "No questions were recorded.");
            return;
        }
        h.raw("<table><thead><tr><th class=\"num\">#</th><th>Question and follow-up prompts</th><th class=\"time\">Asked at</th>"
                + "<th class=\"time\">Time</th></tr>"
                + "</thead><tbody>");
        for (AskedQuestion q : s.questions()) {
            h.raw("<tr><td class=\"code\">").text(Integer.toString(q.number())).raw("</td><td>").text(q.text());
            if (q.bankId() == null) {
                h.raw(" <span class=\"small\">(typed)</span>");
            }
            for (String f : q.followUps()) {
                h.raw("<div class=\"note\">↳ ").text(f).raw("</div>");
            }
            h.raw("</td><td class=\"num\">").text(ElapsedText.format(q.askedAt())).raw("</td><td class=\"num\">")
                    .text(ElapsedText.format(q.timeSpent(s.elapsedAtLastEvent()))).raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void criteria(Html h, SessionRecord r) {
        SessionState s = r.state();
        Component c = r.component();
        h.el("h2", null, "Criteria (" + c.passCriteria().size() + " pass, " + c.distinctionCriteria().size() + " distinction)");
        h.raw("<table><thead><tr><th class=\"code\">Code</th><th>Criterion, notes and evidence</th><th class=\"level\">Level</th>"
                + "<th class=\"state\">Judgement</th>"
                + "</tr></thead>");
        for (Map.Entry<String, List<Criterion>> theme : c.criteriaByTheme().entrySet()) {
            // the theme's heading row and its first criterion form one group that is not split across pages,
            // so a heading is never left alone at the foot of a page
            h.raw("<tbody class=\"theme-start\"><tr class=\"theme\"><td colspan=\"4\">").text(theme.getKey()).raw("</td></tr>");
            String lastNote = null;
            for (int i = 0; i < theme.getValue().size(); i++) {
                if (i == 1) {
                    h.raw("</tbody><tbody>");
                }
                Criterion cr = theme.getValue().get(i);
                Judgement j = s.judgements().get(cr.id());
                h.raw("<tr><td class=\"code\">").text(cr.code()).raw("</td><td>");
                h.raw(cr.wordingProvided() ? "" : "<span class=\"missing\">").text(cr.displayText())
                        .raw(cr.wordingProvided() ? "" : "</span>");
                // what a criterion without wording stands for, once for a run of alike criteria
                String note = cr.noteOnMissingWording().orElse(null);
                if (note != null && !note.equals(lastNote)) {
                    h.raw("<div class=\"small\">").text(note).raw("</div>");
                }
                lastNote = note;
                for (CriterionNote n : s.notesOn(cr.id())) {
                    h.raw("<div class=\"note\"><span class=\"time\">Note at ").text(ElapsedText.format(n.sessionTime()))
                            .raw(n.amendment() ? " (amendment)" : "").raw(":</span> ").text(n.text()).raw("</div>");
                }
                List<EvidenceReference> ev = s.evidenceFor(cr.id());
                if (!ev.isEmpty()) {
                    h.raw("<div class=\"note\"><span class=\"time\">Evidence:</span> ")
                            .text(String.join("; ", ev.stream().map(EvidenceReference::reference).toList())).raw("</div>");
                }
                h.raw("</td><td class=\"level\">").text(cr.level().word()).raw("</td>");
                if (j == null) {
                    h.raw("<td class=\"state unjudged\">not judged</td>");
                } else {
                    h.raw("<td class=\"state ").raw(j.state().word()).raw("\">").text(j.state().label())
                            .raw("<div class=\"time\">at ").text(ElapsedText.format(j.sessionTime()))
                            .raw(j.amended() ? " (amended)" : "").raw("</div></td>");
                }
                h.raw("</tr>");
            }
            h.raw("</tbody>");
        }
        h.raw("</table>");
    }

    private static void grade(Html h, ComponentResult g, Component c) {
        h.el("h2", null, "Component grade");
        // the grade, its table and its explanation read as one: kept on one page
        h.raw("<div class=\"keep-together\">");
        h.raw("<p class=\"grade\">").text(g.grade().label() + (g.capped() ? " (capped from " + g.uncappedGrade().label()
                + ": " + g.attempt().word() + ")" : "")).raw("</p>");
        h.raw("<table class=\"facts\">");
        h.fact("Pass criteria met", g.passMet() + " of " + g.passTotal());
        h.fact("Distinction criteria met", g.distinctionMet() + " of " + g.distinctionTotal() + " (the plan needs "
                + c.distinctionRule().describe(g.distinctionTotal()) + ")");
        // a list of codes wraps only between codes, never inside one ("B3." / "3")
        h.factMarkup("Missing for a pass", g.missingForPass().isEmpty() ? Html.escape("nothing")
                : Html.codes(g.missingForPass().stream().map(Criterion::code).toList()));
        h.factMarkup("Missing for a distinction", g.distinctionShortfall() == 0 ? Html.escape("nothing")
                : Html.codes(g.missingForDistinction().stream().map(Criterion::code).toList())
                + Html.escape(g.distinctionShortfall() < g.missingForDistinction().size()
                        ? " (any " + g.distinctionShortfall() + ")" : ""));
        h.fact("Rule", c.gradingSource().shortForm());
        h.raw("</table>");
        List<String> codes = c.criteria().stream().map(Criterion::code).toList();
        for (String e : g.explanation()) {
            h.raw("<div class=\"small\">").raw(Html.withCodes(e, codes)).raw("</div>");
        }
        h.raw("</div>");
    }

    private static void amendments(Html h, SessionRecord r) {
        List<Amendment> amendments = r.state().amendments();
        h.el("h2", null, "Amendments after the session ended");
        if (amendments.isEmpty()) {
            h.el("p", null, "None.");
            return;
        }
        h.raw("<table><thead><tr><th class=\"when\">When</th><th>Correction</th><th class=\"reason\">Reason</th></tr></thead><tbody>");
        for (Amendment a : amendments) {
            h.raw("<tr><td>").text(when(a.at(), r.zone())).raw("</td><td>").text(a.correction().describe())
                    .raw("</td><td>").text(a.reason()).raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void notesOnSession(Html h, SessionRecord r) {
        List<CriterionNote> notes = r.state().notes().stream().filter(n -> n.criterionId() == null).toList();
        if (notes.isEmpty()) {
            return;
        }
        h.el("h2", null, "Notes on the session");
        for (CriterionNote n : notes) {
            h.raw("<div class=\"note\"><span class=\"time\">").text(ElapsedText.format(n.sessionTime())).raw("</span> ")
                    .text(n.text()).raw("</div>");
        }
    }

    private static void declarations(Html h, SessionRecord r) {
        h.el("h2", null, "Declarations");
        for (String role : List.of("apprentice", "assessor")) {
            Optional<EventBody.DeclarationSigned> d = r.state().declaration(role);
            String who = role.equals("apprentice") ? "Apprentice" : "Assessor";
            h.raw("<div class=\"declaration\"><h3>").text(who + "'s declaration").raw("</h3>");
            String statement = d.map(EventBody.DeclarationSigned::statement).orElse(declarationText(r.plan(), role));
            h.el("p", null, "“" + statement + "”");
            h.el("div", "small", r.plan().declaration(role).map(t -> "Wording from " + t.source().shortForm())
                    .orElse("EPA Workbench standard wording: the plan's sources give no declaration for this role."));
            if (d.isPresent()) {
                EventBody.DeclarationSigned made = d.get();
                if (made.way() != null && made.way().remote()) {
                    // not signed on screen: the record says how it was confirmed instead, and why
                    h.el("p", null, "Declared by " + made.signerName() + ": " + made.way().description() + ".");
                    h.el("p", null, "Reason recorded by the assessor: " + made.reason());
                } else {
                    if (made.signaturePngBase64() != null) {
                        h.raw("<p><img src=\"data:image/png;base64,").raw(made.signaturePngBase64())
                                .raw("\" alt=\"drawn signature\"/></p>");
                    }
                    // a declaration recorded before the way was kept may have no drawn signature: said as it was
                    h.el("p", null, "Signed by " + made.signerName() + (made.signaturePngBase64() == null
                            ? " (confirmed on screen, no drawn signature)" : " (signed on this screen, drawn signature above)"));
                }
            } else {
                h.el("p", "missing", "Not signed in the app.");
            }
            h.raw("</div>");
        }
    }

    /** The session log the record signs: its length, its chain head and the key that owns it. */
    private static void sessionLog(Html h, ChainStamp log) {
        if (log == null) {
            return;
        }
        h.el("div", "small", "Session log: " + log.events() + " events, chain head (SHA-256) " + ChainStamp.grouped(log.headHash())
                + (log.ownerKey() == null ? "" : "; the session belongs to the key " + ChainStamp.grouped(log.ownerKey()))
                + ". Each event carries the hash of the one before; this signature covers the chain head, so the "
                + "whole log as recorded.");
    }

    private static void signatureSpace(Html h, Instant producedAt, ZoneId zone) {
        h.raw("<div class=\"signature-space\">")
                .el("div", "small", "Record produced " + when(producedAt, zone) + ". The digital signature covers the "
                        + "whole document; any change after signing makes it fail verification.")
                .raw("<h3>").text(SIGNATURE_ANCHOR).raw("</h3>")
                .raw("<div class=\"signature-box\"></div></div>");
    }

    // ---------------------------------------------------------------- overall result

    /** One component's line in the overall result. */
    public record ComponentLine(Component component, ComponentResult result, Instant endedAt) {
    }

    public static String overallResult(AssessmentPlan plan, Apprentice a, AssessorProfile assessor,
            List<ComponentLine> lines, OverallResult overall, boolean sample, Instant producedAt, ZoneId zone) {
        Html h = page("EPA overall result", a, "Overall EPA result", sample);
        h.el("h1", null, "End-point assessment: overall result");
        h.el("div", "subtitle", plan.title());
        h.raw("<table class=\"facts\">");
        h.fact("Apprentice", a.name() + ", ULN " + a.uln().value());
        h.fact("Employer", a.employer());
        h.fact("Training provider", a.trainingProvider());
        h.fact("Organisation", plan.organisation());
        h.fact("Standard", plan.standard() + ", level " + plan.level());
        h.fact("Plan", plan.id() + ", version " + plan.version());
        h.fact("Assessor", assessor == null ? "not recorded" : assessor.name() + ", assessor number "
                + assessor.assessorNumber() + ", " + assessor.organisation());
        h.raw("</table>");
        h.el("h2", null, "Components");
        h.raw("<table><thead><tr><th>Component</th><th class=\"attempt\">Attempt</th><th class=\"completed\">Completed</th>"
                + "<th class=\"count\">Pass criteria</th><th class=\"distinctions\">Distinction criteria</th>"
                + "<th class=\"result\">Grade</th></tr></thead><tbody>");
        for (ComponentLine l : lines) {
            ComponentResult r = l.result();
            h.raw("<tr><td>").text(l.component().title()).raw("</td><td>").text(r.attempt().word()).raw("</td><td>")
                    .text(when(l.endedAt(), zone)).raw("</td><td>").text(r.passMet() + " of " + r.passTotal())
                    .raw("</td><td>").text(r.distinctionMet() + " of " + r.distinctionTotal()).raw("</td><td><b>")
                    .text(r.grade().label() + (r.capped() ? " (capped from " + r.uncappedGrade().label() + ")" : ""))
                    .raw("</b></td></tr>");
        }
        h.raw("</tbody></table>");
        h.el("h2", null, "Overall grade");
        Grade g = overall.grade();
        h.raw("<div class=\"keep-together\"><p class=\"grade\">").text(g == null ? "Incomplete" : g.label()
                + (overall.capped() ? " (capped from " + overall.uncappedGrade().label() + ")" : "")).raw("</p>");
        for (String e : overall.explanation()) {
            h.el("div", null, e);
        }
        AttemptCapText.of(plan).ifPresent(t -> h.el("p", "small", t));
        h.raw("</div>");
        signatureSpace(h, producedAt, zone);
        h.raw("</body></html>");
        return h.toString();
    }

    /** The plan's resit/retake rule in words, with its source. */
    static final class AttemptCapText {
        private AttemptCapText() {
        }

        static Optional<String> of(AssessmentPlan plan) {
            return Optional.ofNullable(plan.attemptCap()).map(c -> "Resits and retakes are capped at "
                    + c.maxGrade().label() + " on the " + c.scope().word() + " grade" + (c.waivedForExceptionalCircumstances()
                    ? " unless the organisation finds exceptional circumstances" : "") + " (" + c.source().shortForm() + ").");
        }
    }

    static String pngToBase64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
